import type { AnalyticsStep } from './refresh.ts';
import { activityStep } from './activity/activity.step.ts';
import { questionsStep } from './responsiveness/questions.step.ts';
import { newcomersStep } from './newcomers/newcomers.step.ts';
import { knowledgeStep } from './knowledge/knowledge.step.ts';
import { inclusionStep } from './inclusion/inclusion.step.ts';
import { valueStep } from './value/value.step.ts';
import { overviewStep } from './overview/overview.step.ts';

/** Every step that keeps rollups, in the order a refresh runs them (the overview reads the others: last). */
export const analyticsSteps: readonly AnalyticsStep[] = [activityStep, questionsStep, newcomersStep, knowledgeStep, inclusionStep, valueStep, overviewStep];
