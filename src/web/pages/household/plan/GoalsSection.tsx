import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle, IconPencil, IconPlus, IconProgressCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Involvement, Member, NetworkContact } from '../../../api/endpoints.js';
import { EmptyState } from '../../../components/states.js';
import { formatDateOnly } from '../../../lib/format.js';
import { ActionModal, ReportModal } from './ActionModals.js';
import { GoalModal } from './GoalModal.js';
import type { Goal, Plan, PlanAction } from './api.js';
import { TONE } from '../../../theme.js';
import { ScrollRegion } from './ScrollRegion.js';

export interface PlanPeople {
  members: Member[];
  contacts: NetworkContact[];
  involvements: Involvement[];
}

const GOAL_COLOR = {
  active: TONE.info,
  adjusted: TONE.accent,
  reached: TONE.success,
  stopped: TONE.neutral,
} as const;
const ACTION_COLOR = {
  open: TONE.neutral,
  in_progress: TONE.info,
  done: TONE.success,
  cancelled: TONE.neutral,
  blocked: TONE.danger,
} as const;

export function GoalsSection(props: {
  householdId: string;
  plan: Plan;
  people: PlanPeople;
  canWrite: boolean;
  canReport: boolean;
}) {
  const { householdId, plan, people, canWrite, canReport } = props;
  const { t } = useTranslation();
  const [goal, setGoal] = useState<Goal | 'new' | null>(null);
  const [action, setAction] = useState<{ goal: Goal; action: PlanAction | null } | null>(null);
  const [report, setReport] = useState<PlanAction | null>(null);
  const { limit, open, lvbMembers } = plan.goalLimit;
  return (
    <Stack gap="sm" component="section" aria-labelledby="goals-title">
      <Group justify="space-between">
        <div>
          <Title order={3} size="h4" id="goals-title">
            {t('plan.goals.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('plan.goals.limit', { open, limit })}
          </Text>
        </div>
        {canWrite && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setGoal('new')}>
            {t('plan.goals.add')}
          </Button>
        )}
      </Group>
      {lvbMembers.length > 0 && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
          {t('plan.goals.limitLvb', { names: lvbMembers.join(', ') })}
        </Alert>
      )}
      {plan.goals.length === 0 && <EmptyState>{t('plan.goals.empty')}</EmptyState>}
      {plan.goals.map((g) => {
        const actions = plan.actions.filter((a) => a.goalId === g.id);
        return (
          <Card key={g.id} withBorder padding="md" component="article" aria-label={g.text}>
            <Stack gap="xs">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Title order={4} size="h5" fw={600}>
                  “{g.text}”
                </Title>
                <Badge color={GOAL_COLOR[g.status]} style={{ flexShrink: 0 }}>
                  {t(`plan.goals.statusLabel.${g.status}`)}
                </Badge>
              </Group>
              <dl className="facts">
                <div className="fact">
                  <dt>{t('plan.goals.forWhom')}</dt>
                  <dd>{g.members.map((m) => m.name).join(', ')}</dd>
                </div>
                <div className="fact">
                  <dt>{t('plan.goals.how')}</dt>
                  <dd>{g.successCriterion}</dd>
                </div>
                {g.targetDate && (
                  <div className="fact">
                    <dt>{t('plan.goals.by')}</dt>
                    <dd>{formatDateOnly(g.targetDate)}</dd>
                  </div>
                )}
              </dl>
              <Group gap={6}>
                <Badge color={TONE.neutral}>{t(`plan.goals.kindLabel.${g.kind}`)}</Badge>
                {g.domains.map((d) => (
                  <Badge key={d} color={TONE.info}>
                    {t(`plan.domain.${d}`)}
                  </Badge>
                ))}
              </Group>
              {actions.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('plan.actions.empty')}
                </Text>
              ) : (
                <ScrollRegion label={t('plan.actions.listCaption')}>
                  <Table verticalSpacing={6} fz="sm" miw={560}>
                    <Table.Caption>{t('plan.actions.listCaption')}</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('plan.actions.what')}</Table.Th>
                        <Table.Th scope="col">{t('plan.actions.who')}</Table.Th>
                        <Table.Th scope="col">{t('plan.actions.due')}</Table.Th>
                        <Table.Th scope="col">{t('plan.actions.status')}</Table.Th>
                        {(canWrite || canReport) && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {actions.map((a) => (
                        <Table.Tr key={a.id}>
                          <Table.Td>
                            {a.what}
                            {a.progressNote && (
                              <Text size="xs" c="dimmed">
                                {`${t('plan.actions.progressNote')}: ${a.progressNote}`}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>
                            {a.assignee.name}
                            {a.assignee.organisation && (
                              <Text size="xs" c="dimmed">
                                {a.assignee.organisation}
                              </Text>
                            )}
                            {a.mine && !canWrite && (
                              <Badge size="xs" color={TONE.accent}>
                                {t('plan.actions.mine')}
                              </Badge>
                            )}
                          </Table.Td>
                          <Table.Td>{formatDateOnly(a.dueDate)}</Table.Td>
                          <Table.Td>
                            <Badge color={ACTION_COLOR[a.status]}>
                              {t(`plan.actions.statusLabel.${a.status}`)}
                            </Badge>
                            {a.status === 'blocked' && a.blockedReason && (
                              <Text size="xs">{a.blockedReason}</Text>
                            )}
                          </Table.Td>
                          {(canWrite || canReport) && (
                            <Table.Td>
                              {canWrite ? (
                                <Button
                                  size="xs"
                                  variant="default"
                                  aria-label={t('plan.actions.editNamed', { what: a.what })}
                                  onClick={() => setAction({ goal: g, action: a })}
                                >
                                  <IconPencil size={14} aria-hidden />
                                </Button>
                              ) : (
                                a.mine && (
                                  <Button
                                    size="xs"
                                    variant="default"
                                    leftSection={<IconProgressCheck size={14} aria-hidden />}
                                    aria-label={t('plan.actions.reportNamed', { what: a.what })}
                                    onClick={() => setReport(a)}
                                  >
                                    {t('plan.actions.report')}
                                  </Button>
                                )
                              )}
                            </Table.Td>
                          )}
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollRegion>
              )}
              {canWrite && (
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconPlus size={14} aria-hidden />}
                    aria-label={t('plan.actions.addNamed', { goal: g.text })}
                    onClick={() => setAction({ goal: g, action: null })}
                  >
                    {t('plan.actions.add')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconPencil size={14} aria-hidden />}
                    aria-label={t('plan.goals.editNamed', { text: g.text })}
                    onClick={() => setGoal(g)}
                  >
                    {t('common.edit')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Card>
        );
      })}
      {goal && (
        <GoalModal
          householdId={householdId}
          goal={goal === 'new' ? null : goal}
          members={people.members}
          onClose={() => setGoal(null)}
        />
      )}
      {action && (
        <ActionModal
          householdId={householdId}
          goal={action.goal}
          action={action.action}
          people={people}
          onClose={() => setAction(null)}
        />
      )}
      {report && <ReportModal householdId={householdId} action={report} onClose={() => setReport(null)} />}
    </Stack>
  );
}
