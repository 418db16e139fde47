export const ADVERSARIAL: Record<string, (scale: number) => Buffer>;
export function nestedLyingHtml(scale: number): Buffer;
