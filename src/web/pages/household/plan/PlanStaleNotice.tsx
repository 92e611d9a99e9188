import { StaleNotice, type StaleField, type useStaleEdit } from '../../../components/StaleNotice.js';

type StaleEdit<T extends { version: number }> = ReturnType<typeof useStaleEdit<T>>;

/**
 * "Someone else changed this" for a plan form, when the last save hit a version conflict: keep mine
 * bases the next save on their version; take theirs puts their record into the form.
 */
export function PlanStaleNotice<T extends { version: number }>({
  edit,
  mine,
  fields,
  view = (record) => record,
  onReset,
  onTakeTheirs,
}: {
  edit: StaleEdit<T>;
  mine: unknown;
  fields: StaleField[];
  /** How a record compares with the form values. */
  view?: (record: T) => unknown;
  /** Clears the failed save. */
  onReset: () => void;
  onTakeTheirs: (current: T) => void;
}) {
  if (!edit.stale) return null;
  const current = edit.stale.current;
  return (
    <StaleNotice
      base={view(edit.base)}
      current={current ? view(current) : null}
      mine={mine}
      fields={fields}
      onKeepMine={() => {
        edit.keepMine();
        onReset();
      }}
      onTakeTheirs={() => {
        const theirs = edit.takeTheirs();
        if (theirs) onTakeTheirs(theirs);
        onReset();
      }}
    />
  );
}
