import { describe, expect, it } from 'vitest';
import { DomainError, ERROR_CODES, forbidden, invalid, notFound, ruleViolation } from './errors.js';

describe('domain errors', () => {
  it('has unique error codes', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it('is an Error with a code, a name and details', () => {
    const e = new DomainError('CONFLICT', 'Already exists.');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('DomainError');
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toBe('Already exists.');
    expect(e.details).toEqual({});
  });

  it('notFound never says whether the record exists', () => {
    const e = notFound('household');
    expect(e.code).toBe('NOT_FOUND');
    expect(e.message).toBe('No such household, or you have no access to it.');
    expect(notFound().message).toBe('No such record, or you have no access to it.');
  });

  it('forbidden', () => {
    expect(forbidden().code).toBe('FORBIDDEN');
    expect(forbidden('Only coordinators.').message).toBe('Only coordinators.');
  });

  it('ruleViolation carries fields only when given', () => {
    const fields = [{ path: 'name', message: 'Taken.' }];
    expect(ruleViolation('No.').code).toBe('RULE_VIOLATION');
    expect(ruleViolation('No.').details).toEqual({});
    expect(ruleViolation('No.', fields).details).toEqual({ fields });
  });

  it('invalid is VALIDATION_FAILED with the fields', () => {
    const fields = [{ path: 'dateOfBirth', message: 'A date of birth cannot be in the future.' }];
    const e = invalid(fields);
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.message).toBe('Some fields are not valid.');
    expect(e.details.fields).toEqual(fields);
    expect(invalid(fields, 'Check the form.').message).toBe('Check the form.');
  });

  it('every constructor produces a known code', () => {
    for (const e of [notFound(), forbidden(), ruleViolation('x'), invalid([])]) {
      expect(ERROR_CODES).toContain(e.code);
      expect(e).toBeInstanceOf(DomainError);
    }
  });
});
