import jsQR from "jsqr";
import { describe, expect, it } from "vitest";
import { QR_QUIET_ZONE, qrMatrix, qrSvgPath } from "./qr-code.server";

/** Draws the path's modules as black squares on white, `scale` pixels each, as RGBA for jsQR. */
function rasterise(path: string, modules: number, scale: number): { data: Uint8ClampedArray; width: number } {
  const width = modules * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, xs, ys] of path.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    const [mx, my] = [Number(xs), Number(ys)];
    for (let y = my * scale; y < (my + 1) * scale; y++) {
      for (let x = mx * scale; x < (mx + 1) * scale; x++) data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
    }
  }
  return { data, width };
}

describe("the handout's QR code", () => {
  it("draws an SVG path that a QR reader decodes back to the status link with the code", () => {
    const url = "http://localhost:3000/status?code=KQ-6FPXE-AA02T-RA389";
    const svg = qrSvgPath(url);
    const { data, width } = rasterise(svg.path, svg.size, 6);
    expect(jsQR(data, width, width)?.data).toBe(url);
  });

  it("keeps the standard quiet zone around the symbol", () => {
    const matrix = qrMatrix("https://example.test/status?code=KQ-0W721-6F6AB-X4X82");
    const svg = qrSvgPath("https://example.test/status?code=KQ-0W721-6F6AB-X4X82");
    expect(svg.size).toBe(matrix.size + 2 * QR_QUIET_ZONE);
    expect(svg.path.startsWith(`M${QR_QUIET_ZONE} ${QR_QUIET_ZONE}`)).toBe(true); // the finder pattern's corner
  });
});
