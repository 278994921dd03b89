import qrcode from "qrcode-generator";

/**
 * A QR code for `text` as an SVG document (black modules on white, a quiet zone of four), with
 * error correction M: still readable with a smudge, and small enough for a link to scan from a
 * counter.
 */
export function qrSvg(text: string): string {
  const code = qrcode(0, "M");
  code.addData(text);
  code.make();
  return code.createSvgTag({ cellSize: 4, margin: 16, scalable: true });
}
