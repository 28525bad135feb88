/**
 * A field of the attach form with its own error line: the server's error about the field stands
 * right below it, and the field is marked invalid and described by it.
 */
import type { ReactNode } from 'react';
import type { ClaimField } from './claim-search';

export type ClaimFormErrors = Partial<Record<ClaimField | 'form', string>>;

/** What ties an input to its error line (nothing while it has none). */
export type InvalidProps = { 'aria-invalid'?: true; 'aria-describedby'?: string };

const errorId = (formId: string, field: ClaimField) => `${formId}-${field}-error`;

function invalidProps(errors: ClaimFormErrors, formId: string, field: ClaimField): InvalidProps {
  return errors[field] ? { 'aria-invalid': true, 'aria-describedby': errorId(formId, field) } : {};
}

export function FieldError({ errors, formId, field }: { errors: ClaimFormErrors; formId: string; field: ClaimField }) {
  return errors[field] ? (
    <p className="claim-field-error" id={errorId(formId, field)} role="alert">
      {errors[field]}
    </p>
  ) : null;
}

interface Props {
  readonly label: string;
  readonly field: ClaimField;
  readonly errors: ClaimFormErrors;
  readonly formId: string;
  /** The input, given the attributes that tie it to its error line. */
  readonly children: (invalid: InvalidProps) => ReactNode;
}

export function ClaimFormField({ label, field, errors, formId, children }: Props) {
  return (
    <>
      <label className="claim-field">
        <span>{label}</span>
        {children(invalidProps(errors, formId, field))}
      </label>
      <FieldError errors={errors} formId={formId} field={field} />
    </>
  );
}
