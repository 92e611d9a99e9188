import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common.js';
import {
  ActionInput,
  ActionPatch,
  ActionReport,
  Agreement,
  Assessment,
  AssessmentInput,
  AssessmentList,
  CompareQuery,
  Evaluation,
  EvaluationInput,
  EvaluationRecordInput,
  Goal,
  GoalInput,
  GoalPatch,
  HelpQuestion,
  HelpQuestionInput,
  HelpQuestionPatch,
  ItemParams,
  MemberAgreementInput,
  PdfQuery,
  Plan,
  PlanAction,
  PlanComparison,
  PlanVersionDetail,
  PlanVersionList,
  PlanVersionSummary,
  SafetyAssessment,
  SafetyAssessmentInput,
  SafetyAssessmentList,
  VersionParams,
} from '../../../contracts/plan.js';
import type { Deps } from '../../deps.js';
import { requireIfMatch, setEtag } from '../../http/etag.js';
import { authed, inScope, errorResponses } from '../../http/route-helpers.js';
import { addAction, reportOnAction, updateAction } from './actions.js';
import { acknowledgeVersion, recordMemberAgreement } from './agreement.js';
import { addAssessment, listAssessments } from './assessments.js';
import { recordEvaluation, rescheduleEvaluation, scheduleEvaluation } from './evaluations.js';
import { exportPlanPdf } from './export-pdf.js';
import { addGoal, updateGoal } from './goals.js';
import { addHelpQuestion, updateHelpQuestion } from './help-questions.js';
import { getPlan } from './read-plan.js';
import { addSafetyAssessment, listSafetyAssessments } from './safety.js';
import { compareVersions, getVersion, listVersions, proposeVersion } from './versions.js';

const errors = errorResponses;

export function planRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const preHandler = authed(deps);
  const base = '/api/v1/households/:id/plan';
  const tags = ['plan'];
  const atags = ['assessments'];

  r.get(
    base,
    {
      preHandler,
      schema: { tags, summary: 'The household plan', params: IdParams, response: { 200: Plan, ...errors } },
    },
    async (req) => inScope(deps, req, (s) => getPlan(s, req.params.id)),
  );

  r.get(
    `${base}/assessments`,
    {
      preHandler,
      schema: {
        tags: atags,
        summary: 'All self-reliance assessments, oldest first',
        params: IdParams,
        response: { 200: AssessmentList, ...errors },
      },
    },
    async (req) => ({
      items: await inScope(deps, req, (s) => listAssessments(s, req.params.id)),
    }),
  );
  r.post(
    `${base}/assessments`,
    {
      preHandler,
      schema: {
        tags: atags,
        summary: 'Record an assessment (coordinator)',
        params: IdParams,
        body: AssessmentInput,
        response: { 201: Assessment, ...errors },
      },
    },
    async (req, reply) => {
      const a = await inScope(deps, req, (s) =>
        addAssessment(s, req.params.id, req.body as Parameters<typeof addAssessment>[2]),
      );
      return reply.status(201).send(a);
    },
  );
  r.get(
    `${base}/safety-assessments`,
    {
      preHandler,
      schema: {
        tags: atags,
        summary: 'Safety assessments of the children (coordinator)',
        params: IdParams,
        response: { 200: SafetyAssessmentList, ...errors },
      },
    },
    async (req) => ({
      items: await inScope(deps, req, (s) => listSafetyAssessments(s, req.params.id)),
    }),
  );
  r.post(
    `${base}/safety-assessments`,
    {
      preHandler,
      schema: {
        tags: atags,
        summary: 'Record a safety assessment (coordinator)',
        params: IdParams,
        body: SafetyAssessmentInput,
        response: { 201: SafetyAssessment, ...errors },
      },
    },
    async (req, reply) => {
      const a = await inScope(deps, req, (s) =>
        addSafetyAssessment(s, req.params.id, req.body as Parameters<typeof addSafetyAssessment>[2]),
      );
      return reply.status(201).send(a);
    },
  );

  r.post(
    `${base}/help-questions`,
    {
      preHandler,
      schema: { tags, params: IdParams, body: HelpQuestionInput, response: { 201: HelpQuestion, ...errors } },
    },
    async (req, reply) => {
      const h = await inScope(deps, req, (s) =>
        addHelpQuestion(s, req.params.id, req.body as Parameters<typeof addHelpQuestion>[2]),
      );
      setEtag(reply, h.version);
      return reply.status(201).send(h);
    },
  );
  r.patch(
    `${base}/help-questions/:itemId`,
    {
      preHandler,
      schema: {
        tags,
        params: ItemParams,
        body: HelpQuestionPatch,
        response: { 200: HelpQuestion, ...errors },
      },
    },
    async (req, reply) => {
      const version = requireIfMatch(req);
      const h = await inScope(deps, req, (s) =>
        updateHelpQuestion(s, req.params.id, req.params.itemId, version, req.body),
      );
      setEtag(reply, h!.version);
      return h!;
    },
  );
  r.delete(
    `${base}/help-questions/:itemId`,
    { preHandler, schema: { tags, params: ItemParams, response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      const version = requireIfMatch(req);
      await inScope(deps, req, (s) =>
        updateHelpQuestion(s, req.params.id, req.params.itemId, version, { remove: true }),
      );
      return reply.status(204).send(null);
    },
  );

  r.post(
    `${base}/goals`,
    { preHandler, schema: { tags, params: IdParams, body: GoalInput, response: { 201: Goal, ...errors } } },
    async (req, reply) => {
      const g = await inScope(deps, req, (s) =>
        addGoal(s, req.params.id, req.body as Parameters<typeof addGoal>[2]),
      );
      setEtag(reply, g.version);
      return reply.status(201).send(g);
    },
  );
  r.patch(
    `${base}/goals/:itemId`,
    { preHandler, schema: { tags, params: ItemParams, body: GoalPatch, response: { 200: Goal, ...errors } } },
    async (req, reply) => {
      const version = requireIfMatch(req);
      const g = await inScope(deps, req, (s) =>
        updateGoal(s, req.params.id, req.params.itemId, version, req.body),
      );
      setEtag(reply, g.version);
      return g;
    },
  );

  r.post(
    `${base}/actions`,
    {
      preHandler,
      schema: { tags, params: IdParams, body: ActionInput, response: { 201: PlanAction, ...errors } },
    },
    async (req, reply) => {
      const a = await inScope(deps, req, (s) =>
        addAction(s, req.params.id, req.body as Parameters<typeof addAction>[2]),
      );
      setEtag(reply, a.version);
      return reply.status(201).send(a);
    },
  );
  r.patch(
    `${base}/actions/:itemId`,
    {
      preHandler,
      schema: {
        tags,
        summary: 'Change an action (coordinator)',
        params: ItemParams,
        body: ActionPatch,
        response: { 200: PlanAction, ...errors },
      },
    },
    async (req, reply) => {
      const version = requireIfMatch(req);
      const a = await inScope(deps, req, (s) =>
        updateAction(s, req.params.id, req.params.itemId, version, req.body),
      );
      setEtag(reply, a.version);
      return a;
    },
  );
  r.patch(
    `${base}/actions/:itemId/report`,
    {
      preHandler,
      schema: {
        tags,
        summary: 'Report on an action assigned to you or your organisation',
        params: ItemParams,
        body: ActionReport,
        response: { 200: PlanAction, ...errors },
      },
    },
    async (req, reply) => {
      const version = requireIfMatch(req);
      const a = await inScope(deps, req, (s) =>
        reportOnAction(
          s,
          req.params.id,
          req.params.itemId,
          version,
          req.body as Parameters<typeof reportOnAction>[4],
        ),
      );
      setEtag(reply, a.version);
      return a;
    },
  );

  r.post(
    `${base}/evaluations`,
    {
      preHandler,
      schema: {
        tags,
        summary: 'Schedule an evaluation',
        params: IdParams,
        body: EvaluationInput,
        response: { 201: Evaluation, ...errors },
      },
    },
    async (req, reply) => {
      const e = await inScope(deps, req, (s) => scheduleEvaluation(s, req.params.id, req.body));
      setEtag(reply, e.version);
      return reply.status(201).send(e);
    },
  );
  r.patch(
    `${base}/evaluations/:itemId`,
    {
      preHandler,
      schema: {
        tags,
        summary: 'Move a planned evaluation',
        params: ItemParams,
        body: EvaluationInput,
        response: { 200: Evaluation, ...errors },
      },
    },
    async (req, reply) => {
      const version = requireIfMatch(req);
      const e = await inScope(deps, req, (s) =>
        rescheduleEvaluation(s, req.params.id, req.params.itemId, version, req.body),
      );
      setEtag(reply, e.version);
      return e;
    },
  );
  r.post(
    `${base}/evaluations/:itemId/record`,
    {
      preHandler,
      schema: {
        tags,
        summary: 'Record a held evaluation (If-Match)',
        params: ItemParams,
        body: EvaluationRecordInput,
        response: { 200: Evaluation, ...errors },
      },
    },
    async (req, reply) => {
      const version = requireIfMatch(req);
      const e = await inScope(deps, req, (s) =>
        recordEvaluation(
          s,
          req.params.id,
          req.params.itemId,
          version,
          req.body as Parameters<typeof recordEvaluation>[4],
        ),
      );
      setEtag(reply, e.version);
      return e;
    },
  );

  const vtags = ['plan versions'];
  r.get(
    `${base}/versions`,
    { preHandler, schema: { tags: vtags, params: IdParams, response: { 200: PlanVersionList, ...errors } } },
    async (req) => ({
      items: await inScope(deps, req, (s) => listVersions(s, req.params.id)),
    }),
  );
  r.get(
    `${base}/versions/:number`,
    {
      preHandler,
      schema: { tags: vtags, params: VersionParams, response: { 200: PlanVersionDetail, ...errors } },
    },
    async (req) => inScope(deps, req, (s) => getVersion(s, req.params.id, req.params.number)),
  );
  r.get(
    `${base}/compare`,
    {
      preHandler,
      schema: {
        tags: vtags,
        summary: 'What changed between two versions',
        params: IdParams,
        querystring: CompareQuery,
        response: { 200: PlanComparison, ...errors },
      },
    },
    async (req) => inScope(deps, req, (s) => compareVersions(s, req.params.id, req.query.from, req.query.to)),
  );
  r.post(
    `${base}/versions/:number/propose`,
    {
      preHandler,
      schema: {
        tags: vtags,
        summary: 'Propose the newest version for agreement',
        params: VersionParams,
        response: { 200: PlanVersionSummary, ...errors },
      },
    },
    async (req) => inScope(deps, req, (s) => proposeVersion(s, req.params.id, req.params.number)),
  );
  r.post(
    `${base}/versions/:number/agreements`,
    {
      preHandler,
      schema: {
        tags: vtags,
        summary: "Record a member's agreement",
        params: VersionParams,
        body: MemberAgreementInput,
        response: { 201: Agreement, ...errors },
      },
    },
    async (req, reply) => {
      const a = await inScope(deps, req, (s) =>
        recordMemberAgreement(s, req.params.id, req.params.number, req.body),
      );
      return reply.status(201).send(a);
    },
  );
  r.post(
    `${base}/versions/:number/acknowledge`,
    {
      preHandler,
      schema: {
        tags: vtags,
        summary: 'Acknowledge the version for your organisation',
        params: VersionParams,
        response: { 201: Agreement, ...errors },
      },
    },
    async (req, reply) => {
      const a = await inScope(deps, req, (s) => acknowledgeVersion(s, req.params.id, req.params.number));
      return reply.status(201).send(a);
    },
  );

  r.get(
    `${base}/pdf`,
    {
      preHandler,
      schema: {
        tags,
        summary: 'The plan on paper (PDF)',
        params: IdParams,
        querystring: PdfQuery,
        response: errors,
      },
    },
    async (req, reply) => {
      const { pdf, filename } = await inScope(deps, req, (s) =>
        exportPlanPdf(s, req.params.id, req.query.lang, req.query.version),
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'no-store')
        .send(pdf as never); // a Buffer is sent as is, never serialised
    },
  );
}
