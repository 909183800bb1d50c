import { AppError, tagged, type Action, type AppAbility, type SubjectName } from '@evalflow/domain';

/**
 * Object-level checks after a row was found (under row-level security, so another county's row
 * is never found: 404 before we get here). Within the county, a refusal is 403.
 */
export function canOn(ability: AppAbility, action: Action, type: SubjectName, object: object, field?: string): boolean {
  return ability.can(action, tagged(type, object), field);
}

export function assertCan(ability: AppAbility, action: Action, type: SubjectName, object: object): void {
  if (!canOn(ability, action, type, object)) throw new AppError('FORBIDDEN');
}

/** Every field the caller tries to change must be permitted to it; lists the ones that are not. */
export function assertFieldsPermitted(
  ability: AppAbility,
  action: Action,
  type: SubjectName,
  object: object,
  fields: string[],
): void {
  const refused = fields.filter((field) => !canOn(ability, action, type, object, field));
  if (refused.length) {
    throw new AppError('FIELD_FORBIDDEN', { fields: refused }, `您无权修改以下字段：${refused.join('、')}`);
  }
}

/** The fields of a DTO the caller actually sent. */
export function sentFields(dto: object): string[] {
  return Object.entries(dto)
    .filter(([, value]) => value !== undefined)
    .map(([key]) => key);
}
