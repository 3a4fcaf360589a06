/**
 * The ChatonsInfos properties reader: java.util.Properties semantics (comments, `=`/`:`/space
 * separators, backslash escapes, \uXXXX, line continuations) plus the tolerance real files need
 * (quoted values, trailing spaces, any key case, Latin-1 files). It is total: any input, however
 * broken, gives a ParsedFile with diagnostics. It never throws and runs in linear time (a single
 * pass over the characters, no backtracking regular expression on untrusted text).
 */

export type DiagnosticSeverity = "error" | "warning" | "info";

export type ParseDiagnosticCode =
  | "html"
  | "binary"
  | "empty-file"
  | "latin1"
  | "bad-escape"
  | "bad-unicode-escape"
  | "invalid-key"
  | "empty-key"
  | "no-separator"
  | "duplicate-key"
  | "quoted-value"
  | "too-many-diagnostics";

export interface ParseDiagnostic {
  /** 1-based line of the start of the logical line; 0 for the whole file. */
  line: number;
  severity: DiagnosticSeverity;
  code: ParseDiagnosticCode;
  /** English, for logs and tests; pages translate `code` and `params` instead. */
  message: string;
  params?: Readonly<Record<string, string>>;
  key?: string;
}

export interface ParsedProperty {
  /** Lower-cased key: lookups are case-insensitive. */
  key: string;
  /** The key as written (for "legacy camelCase" warnings). */
  rawKey: string;
  /** Unescaped, trimmed, unquoted value. */
  value: string;
  line: number;
}

export interface ParsedFile {
  encoding: "utf-8" | "latin1";
  /** Every property in file order, duplicates included. */
  properties: ParsedProperty[];
  /** The value in force for each key (the last one, as Java does). */
  values: Map<string, ParsedProperty>;
  diagnostics: ParseDiagnostic[];
  lineCount: number;
  looksLikeHtml: boolean;
}

const MAX_DIAGNOSTICS = 500;
const KEY_CHAR = /^[a-z0-9_.-]+$/i;

export function decodeBytes(input: Uint8Array): { text: string; encoding: "utf-8" | "latin1" } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(input), encoding: "utf-8" };
  } catch {
    // "latin1" is windows-1252 for TextDecoder: a superset of ISO-8859-1 where it matters (€, œ).
    return { text: new TextDecoder("latin1").decode(input), encoding: "latin1" };
  }
}

const isBlank = (ch: number) => ch === 0x20 || ch === 0x09 || ch === 0x0c;
const isEol = (ch: number) => ch === 0x0a || ch === 0x0d;
const HEX = /^[0-9a-fA-F]{4}$/;

class Diagnostics {
  readonly list: ParseDiagnostic[] = [];
  private dropped = 0;
  add(d: ParseDiagnostic): void {
    if (this.list.length < MAX_DIAGNOSTICS) this.list.push(d);
    else this.dropped++;
  }
  finish(): ParseDiagnostic[] {
    if (this.dropped > 0)
      this.list.push({
        line: 0,
        severity: "warning",
        code: "too-many-diagnostics",
        message: `${this.dropped} more problems not listed`,
        params: { count: String(this.dropped) },
      });
    return this.list;
  }
}

/** Splits the text into logical lines (continuations joined), skipping comments and blank lines. */
function* logicalLines(text: string): Generator<{ line: number; content: string; lastLine: number }> {
  const n = text.length;
  let pos = 0;
  let lineNo = 0;
  while (pos < n) {
    lineNo++;
    const start = lineNo;
    let parts: string[] | undefined;
    let first = true;
    let content = "";
    for (;;) {
      let s = pos;
      while (s < n && isBlank(text.charCodeAt(s))) s++;
      let e = s;
      while (e < n && !isEol(text.charCodeAt(e))) e++;
      // Advance past the end of line (\r\n counts as one).
      let next = e;
      if (next < n && text.charCodeAt(next) === 0x0d) next++;
      if (next < n && text.charCodeAt(next) === 0x0a && (next === e || text.charCodeAt(e) === 0x0d)) next++;
      if (first && (s === e || text.charCodeAt(s) === 0x23 || text.charCodeAt(s) === 0x21)) {
        // Blank line or comment (# or !): comments are never continued.
        pos = next;
        content = "";
        parts = undefined;
        break;
      }
      let slashes = 0;
      for (let i = e - 1; i >= s && text.charCodeAt(i) === 0x5c; i--) slashes++;
      const continued = slashes % 2 === 1 && next > e;
      const piece = text.slice(s, continued ? e - 1 : e);
      if (first && !continued) {
        content = piece;
      } else {
        parts ??= [];
        parts.push(piece);
      }
      first = false;
      pos = next;
      if (!continued) break;
      lineNo++;
    }
    if (parts) content = parts.join("");
    if (content !== "" || parts) yield { line: start, content, lastLine: lineNo };
  }
}

/** Reads one key or value, resolving escapes, up to a separator (for keys) or the end. */
function unescape(
  src: string,
  from: number,
  stopAtSeparator: boolean,
  line: number,
  diags: Diagnostics,
): { text: string; end: number } {
  let out = "";
  let chunkStart = from;
  let i = from;
  const n = src.length;
  while (i < n) {
    const ch = src.charCodeAt(i);
    if (stopAtSeparator && (ch === 0x3d || ch === 0x3a || isBlank(ch))) break;
    if (ch !== 0x5c) {
      i++;
      continue;
    }
    out += src.slice(chunkStart, i);
    const esc = src[i + 1];
    if (esc === undefined) {
      i += 1;
      chunkStart = i;
      continue;
    }
    if (esc === "u") {
      const hex = src.slice(i + 2, i + 6);
      if (HEX.test(hex)) {
        out += String.fromCharCode(parseInt(hex, 16));
        i += 6;
      } else {
        diags.add({
          line,
          severity: "warning",
          code: "bad-unicode-escape",
          message: `malformed \\u escape "\\u${hex}"`,
          params: { value: `\\u${hex}` },
        });
        out += "\\u";
        i += 2;
      }
    } else {
      out += esc === "t" ? "\t" : esc === "n" ? "\n" : esc === "r" ? "\r" : esc === "f" ? "\f" : esc;
      i += 2;
    }
    chunkStart = i;
  }
  out += src.slice(chunkStart, i);
  return { text: out, end: i };
}

/** Quotes around a whole value (YunoHost writes subs.x = 'https://…'); an escaped quote is kept. */
function unquote(raw: string): { inner: string; quoted: boolean } {
  if (raw.length >= 2) {
    const q = raw[0];
    if ((q === "'" || q === '"') && raw[raw.length - 1] === q) {
      let slashes = 0;
      for (let i = raw.length - 2; i >= 1 && raw[i] === "\\"; i--) slashes++;
      if (slashes % 2 === 0) return { inner: raw.slice(1, -1), quoted: true };
    }
  }
  return { inner: raw, quoted: false };
}

function parseLine(
  content: string,
  line: number,
  diags: Diagnostics,
): { rawKey: string; value: string } | undefined {
  const key = unescape(content, 0, true, line, diags);
  let i = key.end;
  const n = content.length;
  while (i < n && isBlank(content.charCodeAt(i))) i++;
  let separated = false;
  if (i < n && (content.charCodeAt(i) === 0x3d || content.charCodeAt(i) === 0x3a)) {
    separated = true;
    i++;
    while (i < n && isBlank(content.charCodeAt(i))) i++;
  } else if (i > key.end) {
    separated = true;
  }
  if (key.text === "") {
    diags.add({ line, severity: "warning", code: "empty-key", message: "a value without a key is ignored" });
    return undefined;
  }
  if (!separated)
    diags.add({
      line,
      severity: "warning",
      code: "no-separator",
      message: `"${key.text.slice(0, 80)}" has no "=": read as a key with an empty value`,
      params: { value: key.text.slice(0, 80) },
      key: key.text.slice(0, 200),
    });
  // Trailing blanks are trimmed (tolerance); quotes are judged before escapes are resolved.
  const { inner, quoted } = unquote(content.slice(i).trimEnd());
  const unescaped = unescape(inner, 0, false, line, diags).text;
  const value = quoted ? unescaped.trim() : unescaped;
  if (quoted)
    diags.add({
      line,
      severity: "info",
      code: "quoted-value",
      message: "quotes around the value were removed",
      key: key.text,
    });
  return { rawKey: key.text, value };
}

function firstNonBlank(text: string): string {
  const limit = Math.min(text.length, 4096);
  for (let i = 0; i < limit; i++) {
    const ch = text.charCodeAt(i);
    if (!isBlank(ch) && !isEol(ch)) return text.slice(i, i + 15).toLowerCase();
  }
  return "";
}

export function parseChatonsInfos(input: string | Uint8Array): ParsedFile {
  const diags = new Diagnostics();
  let text: string;
  let encoding: "utf-8" | "latin1" = "utf-8";
  if (typeof input === "string") {
    text = input;
  } else {
    const decoded = decodeBytes(input);
    text = decoded.text;
    encoding = decoded.encoding;
    if (encoding === "latin1")
      diags.add({
        line: 0,
        severity: "info",
        code: "latin1",
        message: "the file is not valid UTF-8; read as Latin-1",
      });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const head = firstNonBlank(text);
  const looksLikeHtml = head.startsWith("<!doctype") || head.startsWith("<html") || head.startsWith("<?xml");
  if (looksLikeHtml || head.startsWith("<"))
    diags.add({
      line: 0,
      severity: "error",
      code: "html",
      message: "this is an HTML or XML page, not a properties file",
    });
  if (text.includes("\u0000"))
    diags.add({ line: 0, severity: "error", code: "binary", message: "the file contains binary data" });

  const properties: ParsedProperty[] = [];
  const values = new Map<string, ParsedProperty>();
  let lineCount = 0;
  for (const logical of logicalLines(text)) {
    lineCount = logical.lastLine;
    const parsed = parseLine(logical.content, logical.line, diags);
    if (!parsed) continue;
    const key = parsed.rawKey.toLowerCase();
    if (!KEY_CHAR.test(parsed.rawKey))
      diags.add({
        line: logical.line,
        severity: "warning",
        code: "invalid-key",
        message: `"${parsed.rawKey.slice(0, 80)}" is not a valid key (letters, digits, ".", "-" and "_" only)`,
        params: { raw: parsed.rawKey.slice(0, 80) },
        key: parsed.rawKey.slice(0, 200),
      });
    const property: ParsedProperty = { key, rawKey: parsed.rawKey, value: parsed.value, line: logical.line };
    const previous = values.get(key);
    if (previous)
      diags.add({
        line: logical.line,
        severity: "warning",
        code: "duplicate-key",
        message: `${key} is already set on line ${previous.line}; the last value wins`,
        params: { line: String(previous.line) },
        key,
      });
    properties.push(property);
    values.set(key, property);
  }
  if (properties.length === 0 && !looksLikeHtml)
    diags.add({ line: 0, severity: "error", code: "empty-file", message: "the file has no property" });
  return {
    encoding,
    properties,
    values,
    diagnostics: diags.finish(),
    lineCount: Math.max(lineCount, countLines(text)),
    looksLikeHtml,
  };
}

function countLines(text: string): number {
  if (text.length === 0) return 0;
  let lines = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x0a || (ch === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) lines++;
  }
  return text.endsWith("\n") || text.endsWith("\r") ? lines - 1 : lines;
}

/** The value of a key (case-insensitive), or undefined when absent. */
export function valueOf(file: ParsedFile, key: string): string | undefined {
  return file.values.get(key.toLowerCase())?.value;
}
