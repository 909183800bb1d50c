// The cell helpers are shared with the worker's exports: they live in the rendering lib.
export { dateCell, decimalCell } from '@evalflow/rendering';
