/**
 * The backend plan: what the LSP server and the CLI call. Everything here is pure; reading
 * and writing the plan file is the adapters' job.
 */
export { generatePlan, planFacts, planGuidance, type ChainTag, type PlanInput } from './generate';
export { planInputFor, statedStackOf, type PlanLookup } from './planInput';
export { planTargetPath, PLAN_FOLDER } from './targetPath';
export { bareSpecId } from '../tags';
export { extractEndpoints, type Endpoint, type HttpMethod } from './endpoints';
export { extractRequirements, type EarsKind, type Requirement } from './requirements';
export { chooseFramework, type FrameworkChoice, type StatedStack } from './chooseFramework';
export { getGuidance, listGuidance, supportedFrameworks, toGuidanceView, guidanceSections, type FrameworkGuidance } from './guidance';
