import { createContext, useContext } from 'react';
import { locateField } from '../editor/field-dom';

/**
 * What following a comment's link does: by default locate the field on the page as it is; the report page
 * first shows the content (from the comments tab), then locates it.
 */
export const LocateFieldContext = createContext<(path: string) => void>((path) => {
  locateField(path);
});

export const useLocateField = () => useContext(LocateFieldContext);
