// Checks every Bot API call the bot makes against the machine-readable Bot API 10.1 spec:
// the method exists, required parameters are present, no unknown parameter or field is sent,
// JSON types match, and the documented limits hold (text, callback_data, commands, secrets).
import { readFileSync } from 'node:fs';

interface SpecField {
  name: string;
  types: string[];
  required: boolean;
}
interface SpecEntry {
  fields?: SpecField[];
  subtypes?: string[];
}
interface Spec {
  methods: Record<string, SpecEntry>;
  types: Record<string, SpecEntry>;
}

const SPEC_PATH = '/work/shared/telegram/bot-api-spec.json';
const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Spec;

type Limit = (value: unknown) => string | null;

const length =
  (min: number, max: number): Limit =>
  (v) =>
    typeof v === 'string' && (v.length < min || v.length > max) ? `length ${v.length} is outside ${min}-${max}` : null;

// Limits the spec states in words, keyed by 'method.param' or 'Type.field'.
const LIMITS: Record<string, Limit> = {
  'sendMessage.text': length(1, 4096),
  'editMessageText.text': length(1, 4096),
  'answerCallbackQuery.text': length(0, 200),
  'sendPhoto.caption': length(0, 1024),
  'sendDocument.caption': length(0, 1024),
  'InlineKeyboardButton.text': length(1, 4096),
  'InlineKeyboardButton.callback_data': (v) => {
    const bytes = typeof v === 'string' ? Buffer.byteLength(v, 'utf8') : 0;
    return bytes < 1 || bytes > 64 ? `callback_data is ${bytes} bytes, must be 1-64` : null;
  },
  'BotCommand.command': (v) =>
    typeof v === 'string' && /^[a-z0-9_]{1,32}$/.test(v) ? null : `bad command "${String(v)}"`,
  'BotCommand.description': length(1, 256),
  'setWebhook.secret_token': (v) =>
    typeof v === 'string' && /^[A-Za-z0-9_-]{1,256}$/.test(v) ? null : 'secret_token must be 1-256 of A-Za-z0-9_-',
  'sendMessage.parse_mode': (v) =>
    ['HTML', 'MarkdownV2', 'Markdown'].includes(String(v)) ? null : `bad parse_mode ${String(v)}`,
};

function checkPrimitive(type: string, v: unknown): boolean | undefined {
  switch (type) {
    case 'Integer':
      return Number.isInteger(v);
    case 'Float':
    case 'Float number':
      return typeof v === 'number';
    case 'String':
      return typeof v === 'string';
    case 'Boolean':
      return typeof v === 'boolean';
    case 'True':
      return v === true;
    case 'InputFile':
      return true;
    default:
      return undefined;
  }
}

function checkValue(v: unknown, types: string[], path: string): string[] {
  let best: string[] | null = null;
  for (const type of types) {
    const problems = checkType(v, type, path);
    if (problems.length === 0) return [];
    if (!best || problems.length < best.length) best = problems;
  }
  return best ?? [`${path}: no type to check against`];
}

function checkType(v: unknown, type: string, path: string): string[] {
  const primitive = checkPrimitive(type, v);
  if (primitive !== undefined) return primitive ? [] : [`${path}: expected ${type}, got ${JSON.stringify(v)}`];
  if (type.startsWith('Array of ')) {
    if (!Array.isArray(v)) return [`${path}: expected ${type}`];
    return v.flatMap((item, i) => checkType(item, type.slice('Array of '.length), `${path}[${i}]`));
  }
  const entry = spec.types[type];
  if (!entry) return [`${path}: unknown type ${type}`];
  if (entry.subtypes) return checkValue(v, entry.subtypes, path);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return [`${path}: expected ${type} object`];
  return checkFields(v as Record<string, unknown>, entry.fields ?? [], type, path);
}

function checkFields(obj: Record<string, unknown>, fields: SpecField[], owner: string, path: string): string[] {
  const problems: string[] = [];
  const known = new Map(fields.map((f) => [f.name, f]));
  for (const f of fields) if (f.required && obj[f.name] === undefined) problems.push(`${path}.${f.name}: required`);
  for (const [key, value] of Object.entries(obj)) {
    if (value === undefined) continue;
    const f = known.get(key);
    if (!f) {
      problems.push(`${path}.${key}: unknown ${path === '' ? 'parameter' : 'field'} of ${owner}`);
      continue;
    }
    problems.push(...checkValue(value, f.types, `${path}.${key}`));
    const limit = LIMITS[`${owner}.${key}`]?.(value);
    if (limit) problems.push(`${path}.${key}: ${limit}`);
  }
  // A keyboard button must do exactly one thing; ours only use callback_data or url.
  if (owner === 'InlineKeyboardButton' && obj.callback_data === undefined && obj.url === undefined) {
    problems.push(`${path}: button without callback_data or url`);
  }
  return problems;
}

/** Problems with one Bot API call; empty when the call is valid. */
export function validateBotApiCall(method: string, params: Record<string, unknown>): string[] {
  const entry = spec.methods[method];
  if (!entry) return [`unknown method ${method}`];
  return checkFields(params, entry.fields ?? [], method, '').map((p) => `${method}${p.startsWith('.') ? '' : ' '}${p}`);
}

/** Problems with an object the emulator answers with (e.g. a ChatMember); empty when it fits the spec. */
export function validateBotApiObject(type: string, value: unknown): string[] {
  return checkType(value, type, type);
}
