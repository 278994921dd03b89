/**
 * HTML written as a tagged template, for pages that must not ship React to the browser (the
 * checkout). Every interpolated value is escaped unless it is itself Html; arrays are joined, and
 * null, undefined and false render as nothing, so `${condition && html`…`}` reads naturally.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** A JSON island for the page's script: escaped so no string in it can close the <script> element. */
export function jsonScript(id: string, data: unknown, nonce?: string): Html {
  const json = JSON.stringify(data).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
  const nonceAttribute = nonce ? ` nonce="${escapeHtml(nonce)}"` : "";
  return new Html(`<script type="application/json" id="${escapeHtml(id)}"${nonceAttribute}>${json}</script>`);
}
