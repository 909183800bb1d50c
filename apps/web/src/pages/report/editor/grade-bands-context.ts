import { createContext, useContext } from 'react';
import { DEFAULT_GRADE_BANDS, type GradeBand } from '@evalflow/domain';

/** The county's grade bands, for the editor's 评价等级 select (Hebei writes 优秀, not 优). */
export const GradeBandsContext = createContext<GradeBand[]>(DEFAULT_GRADE_BANDS);

export const useGradeBands = () => useContext(GradeBandsContext);

/**
 * Whether the bands are the county's (or the template's) already: until the county's settings load, a
 * grade control waits rather than offer the national 优/良/中/差 the county may not use.
 */
export const GradeBandsReadyContext = createContext(true);

export const useGradeBandsReady = () => useContext(GradeBandsReadyContext);
