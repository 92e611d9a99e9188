import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryStates, type ListQuery } from '../../components/QueryStates.js';
import { TONE } from '../../theme.js';

interface ListRecord {
  id: string;
  name: string;
}

interface RecordListTabProps<T extends ListRecord> {
  /** Translation key prefix of the tab's texts: title, add, loading, empty, editNamed, removeNamed. */
  texts: string;
  /** Shown under the title when given. */
  intro?: string;
  canWrite: boolean;
  query: ListQuery;
  items: T[];
  badges: (item: T) => ReactNode;
  facts: (item: T) => ReactNode;
  /** The add (null) or edit modal. */
  editModal: (item: T | null, onClose: () => void) => ReactNode;
  removeDialog: (item: T, onClose: () => void) => ReactNode;
}

/** A household tab listing records as cards, with add, edit and remove for those who may write. */
export function RecordListTab<T extends ListRecord>(props: RecordListTabProps<T>) {
  const { t } = useTranslation();
  const { texts, canWrite, items } = props;
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [removing, setRemoving] = useState<T | null>(null);
  const title = (
    <Title order={2} size="h3">
      {t(`${texts}.title`)}
    </Title>
  );

  return (
    <Stack gap="md">
      <Group justify="space-between">
        {props.intro === undefined ? (
          title
        ) : (
          <div>
            {title}
            <Text size="sm" c="dimmed">
              {props.intro}
            </Text>
          </div>
        )}
        {canWrite && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {t(`${texts}.add`)}
          </Button>
        )}
      </Group>
      <QueryStates
        query={props.query}
        count={items.length}
        loadingLabel={t(`${texts}.loading`)}
        emptyText={t(`${texts}.empty`)}
      />
      {items.length > 0 && (
        <SimpleGrid
          cols={{ base: 1, sm: 2, lg: 3 }}
          spacing="md"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
        >
          {items.map((item) => (
            <Card key={item.id} withBorder component="li" padding="md">
              <Stack gap={6} h="100%">
                <Title order={3} size="h4">
                  {item.name}
                </Title>
                <Group gap="xs">{props.badges(item)}</Group>
                <dl className="facts">{props.facts(item)}</dl>
                {canWrite && (
                  <Group gap="xs" mt="auto">
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={<IconPencil size={14} aria-hidden />}
                      onClick={() => setEditing(item)}
                      aria-label={t(`${texts}.editNamed`, { name: item.name })}
                    >
                      {t('common.edit')}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color={TONE.danger}
                      leftSection={<IconTrash size={14} aria-hidden />}
                      onClick={() => setRemoving(item)}
                      aria-label={t(`${texts}.removeNamed`, { name: item.name })}
                    >
                      {t('common.remove')}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
      {editing && props.editModal(editing === 'new' ? null : editing, () => setEditing(null))}
      {removing && props.removeDialog(removing, () => setRemoving(null))}
    </Stack>
  );
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
