import { BadRequestException, HttpStatus, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { AppError, ERROR_CATALOGUE } from '@evalflow/domain';

/** Chinese wording for class-validator rules used without an explicit message. */
const RULE_MESSAGES: Record<string, string> = {
  whitelistValidation: '不允许提交此字段',
  isDefined: '必须填写',
  isNotEmpty: '不能为空',
  isString: '必须是文本',
  isInt: '必须是整数',
  isNumber: '必须是数字',
  isBoolean: '必须是 true 或 false',
  isUUID: '必须是合法的 ID',
  isEnum: '不是允许的取值',
  isIn: '不是允许的取值',
  isArray: '必须是列表',
  isObject: '必须是对象',
  isDateString: '必须是日期（如 2025-06-30）',
  isISO8601: '必须是日期时间（ISO 8601）',
  min: '小于允许的最小值',
  max: '大于允许的最大值',
  minLength: '长度不足',
  maxLength: '长度超出限制',
  length: '长度不符合要求',
  matches: '格式不正确',
  arrayMinSize: '条目数量不足',
  arrayMaxSize: '条目数量过多',
  arrayUnique: '不能有重复的条目',
  nestedValidation: '内容不符合要求',
};

const CJK = /[\u4e00-\u9fff]/;

export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [rule, text] of Object.entries(error.constraints ?? {})) {
      const message = CJK.test(text) ? text : (RULE_MESSAGES[rule] ?? '不符合要求');
      problems.push({ field, rule, message });
    }
    if (error.children?.length) problems.push(...flattenValidationErrors(error.children, field));
  }
  return problems;
}

/** Whitelists DTO fields, rejects unknown ones, and answers in the one error body. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    errorHttpStatusCode: HttpStatus.BAD_REQUEST,
    exceptionFactory: (errors) => {
      const details = flattenValidationErrors(errors);
      const first = details[0];
      const message = first
        ? `${ERROR_CATALOGUE.VALIDATION_FAILED.message}：${first.field} ${first.message}`
        : ERROR_CATALOGUE.VALIDATION_FAILED.message;
      return new BadRequestException({ code: 'VALIDATION_FAILED', message, details });
    },
  });
}

/** A field refused after the DTO passed (e.g. a department that no longer exists), in the pipe's shape. */
export function fieldInvalid(field: string, rule: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', [{ field, rule, message }], message);
}
