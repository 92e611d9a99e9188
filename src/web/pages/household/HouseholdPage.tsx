import { Anchor, Badge, Breadcrumbs, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type ComponentType, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client.js';
import { api, type Household } from '../../api/endpoints.js';
import { ErrorState, LoadingState, usePageTitle } from '../../components/states.js';
import { NotFoundPage } from '../NotFoundPage.js';
import { EditHouseholdModal } from './EditHouseholdModal.js';
import { MembersTab } from './MembersTab.js';
import { NetworkTab } from './NetworkTab.js';
import { InvolvementsTab } from './InvolvementsTab.js';
import { HistoryTab } from './HistoryTab.js';
import { HouseholdAuditTab } from './HouseholdAuditTab.js';
import { MeldcodeTab } from './meldcode/MeldcodeTab.js';
import { AssessmentTab } from './plan/AssessmentTab.js';
import { PlanTab } from './plan/PlanTab.js';
import { ContactsTab } from './chain/ContactsTab.js';
import { MapTab } from './chain/MapTab.js';
import { ReferralsTab } from './chain/ReferralsTab.js';
import { TimelineTab } from './chain/TimelineTab.js';
import { HouseholdStagnations } from '../stagnation/HouseholdStagnations.js';
import { ConsentTab } from './privacy/ConsentTab.js';
import { AccessLogTab } from '../emergency/AccessLogTab.js';
import { EmergencyBanner } from '../emergency/EmergencyBanner.js';

const TABS = [
  'members',
  'network',
  'involved',
  'referrals',
  'contacts',
  'map',
  'timeline',
  'selfReliance',
  'plan',
  'history',
  'meldcode',
  'consent',
  'audit',
  'accessLog',
] as const;
const CARE_TABS: readonly string[] = ['selfReliance', 'plan', 'referrals', 'contacts', 'map', 'timeline'];
type TabKey = (typeof TABS)[number];

/** The component of each tab; `available` decides which tabs the caller gets. */
const PANELS: Record<TabKey, ComponentType<{ household: Household }>> = {
  members: MembersTab,
  network: NetworkTab,
  involved: InvolvementsTab,
  referrals: ReferralsTab,
  contacts: ContactsTab,
  map: MapTab,
  timeline: TimelineTab,
  selfReliance: AssessmentTab,
  plan: PlanTab,
  history: HistoryTab,
  meldcode: MeldcodeTab,
  consent: ConsentTab,
  audit: HouseholdAuditTab,
  accessLog: AccessLogTab,
};

export function formatAddress(address: Household['address']): string {
  const line1 = [address.street, address.houseNumber].filter(Boolean).join(' ');
  const line2 = [address.postcode, address.city].filter(Boolean).join(' ');
  return [line1, line2].filter(Boolean).join(', ');
}

export function HouseholdPage() {
  const { t } = useTranslation();
  const { householdId = '', tab } = useParams();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const query = useQuery({
    queryKey: ['household', householdId],
    queryFn: () => api.households.get(householdId),
  });
  usePageTitle(query.data?.name ?? t('household.title'));

  if (query.isPending) return <LoadingState label={t('household.loading')} />;
  if (query.isError) {
    // 404: does not exist or no access. 400: not even a valid id. Either way: not found.
    if (isApiError(query.error) && [400, 404].includes(query.error.status)) {
      return <NotFoundPage what="household" />;
    }
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const household = query.data;
  const available: TabKey[] = TABS.filter((k) => k !== 'audit' || household.can.includes('audit.read'))
    .filter((k) => k !== 'meldcode' || household.can.includes('meldcode.manage'))
    .filter(
      (k) =>
        k !== 'consent' || household.can.includes('consent.manage') || household.can.includes('basis.share'),
    )
    .filter((k) => k !== 'accessLog' || household.can.includes('access_log.read'))
    .filter(
      (k) =>
        !CARE_TABS.includes(k) ||
        household.relation === 'coordinator' ||
        household.relation === 'partner' ||
        household.relation === 'emergency',
    );
  const active: TabKey = available.includes(tab as TabKey) ? (tab as TabKey) : 'members';
  if (tab && !available.includes(tab as TabKey)) return <NotFoundPage />;
  const address = formatAddress(household.address);
  const ActivePanel = PANELS[active];

  return (
    <Stack gap="lg">
      <Breadcrumbs aria-label={t('common.breadcrumbs')}>
        <Anchor component={Link} to="/">
          {t('households.title')}
        </Anchor>
        <Text span aria-current="page">
          {household.name}
        </Text>
      </Breadcrumbs>
      <EmergencyBanner household={household} />
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>{household.name}</Title>
          <Text>{address || t('household.noAddress')}</Text>
          <Group gap="xs" mt={4}>
            <Badge color="schakel.8">
              {t('household.yourRelation', { relation: t(`relation.${household.relation}`) })}
            </Badge>
            <Badge color="gray.8">
              {household.pyramidCategory === null
                ? t('pyramid.none')
                : t(`pyramid.short.${household.pyramidCategory}`)}
            </Badge>
          </Group>
          <Text size="sm" mt={4}>
            {household.coordinator
              ? t('household.coordinatorIs', { name: household.coordinator.name })
              : t('household.noCoordinator')}
          </Text>
        </Stack>
        {household.can.includes('update') && (
          <Button
            variant="default"
            leftSection={<IconPencil size={16} aria-hidden />}
            onClick={() => setEditing(true)}
          >
            {t('household.edit')}
          </Button>
        )}
      </Group>

      <HouseholdStagnations household={household} />

      <Tabs
        value={active}
        onChange={(value) => void navigate(`/households/${household.id}/${value ?? 'members'}`)}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('household.tabsLabel')}>
          {available.map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t(`household.tab.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {/* Only the active tab is mounted (keepMounted={false}): one panel, its component from PANELS. */}
        <Tabs.Panel value={active} pt="md">
          <ActivePanel household={household} />
        </Tabs.Panel>
      </Tabs>
      {editing && <EditHouseholdModal household={household} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
