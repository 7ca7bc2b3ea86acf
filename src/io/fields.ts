/** Delimiter sniffing and quote-aware splitting of single header/metadata lines. */

/**
 * Sniff the delimiter from a header line: the most frequent of tab, comma and semicolon outside
 * double quotes; ties go to tab, then comma. A line with none of them gives tab.
 */
export function sniffDelimiter(line: string): string {
  let tab = 0;
  let comma = 0;
  let semi = 0;
  let inQ = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 34) inQ = !inQ;
    else if (inQ) continue;
    else if (c === 9) tab++;
    else if (c === 44) comma++;
    else if (c === 59) semi++;
  }
  if (tab >= comma && tab >= semi) return '\t';
  return comma >= semi ? ',' : ';';
}

/**
 * Split one line on `delim`, honouring double quotes (`""` inside quotes is a quote). Unquoted
 * fields are trimmed of surrounding spaces; quoted fields keep their content as written.
 */
export function splitFields(line: string, delim: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inQ = false;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inQ) {
      if (c === '"') {
        if (line[i + 1] === '"') {
          cur += '"';
          i++;
        } else inQ = false;
      } else cur += c;
    } else if (c === '"' && cur.trim() === '' && !quoted) {
      inQ = true;
      quoted = true;
      cur = '';
    } else if (c === delim) {
      out.push(quoted ? cur : cur.trim());
      cur = '';
      quoted = false;
    } else if (!quoted) cur += c;
  }
  out.push(quoted ? cur : cur.trim());
  return out;
}

/** Number of fields on a line (quote-aware), for ragged-row messages. */
export function countFields(b: Uint8Array, start: number, delim: number): number {
  let n = 1;
  let inQ = false;
  for (let i = start; i < b.length; i++) {
    const c = b[i];
    if (c === 10) break;
    if (c === 34) inQ = !inQ;
    else if (c === delim && !inQ) n++;
  }
  return n;
}

/** End (exclusive) of the line starting at `start`, before CR LF or LF. */
export function lineEnd(b: Uint8Array, start: number): number {
  let e = b.indexOf(10, start);
  if (e < 0) e = b.length;
  return e > start && b[e - 1] === 13 ? e - 1 : e;
}

/** Start of the next line after the one starting at `start` (b.length at the end). */
export function nextLine(b: Uint8Array, start: number): number {
  const e = b.indexOf(10, start);
  return e < 0 ? b.length : e + 1;
}
