import { createContext, useContext } from 'react';
import { DEFAULT_GRADE_BANDS, type GradeBand } from '@evalflow/domain';

/** The county's grade bands, for the editor's 评价等级 select (Hebei writes 优秀, not 优). */
export const GradeBandsContext = createContext<GradeBand[]>(DEFAULT_GRADE_BANDS);

export const useGradeBands = () => useContext(GradeBandsContext);
