import { InvalidError } from "@/lib/errors";

/** 256 KB: a top-bar and invoice logo needs no more, and it is stored in the account row. */
export const maxLogoBytes = 256 * 1024;

export const logoTypes = ["image/png", "image/jpeg", "image/gif", "image/webp"] as const;
export type LogoType = (typeof logoTypes)[number];

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length &&
  signature.every((byte, index) => bytes[offset + index] === byte);

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/**
 * The image type the bytes themselves declare, or undefined. The file's name and the type
 * the browser reports are the sender's say-so; SVG is never one of these, as it can carry
 * scripts.
 */
export function detectLogoType(bytes: Uint8Array): LogoType | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "image/gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  return undefined;
}

/** The logo's type, or a refusal saying what is wrong with the file (on the "logo" field). */
export function checkLogoImage(bytes: Uint8Array): LogoType {
  const refuse = (message: string): never => {
    throw new InvalidError(message, { logo: message });
  };
  if (bytes.length === 0) return refuse("Choose an image file for the logo.");
  if (bytes.length > maxLogoBytes) {
    return refuse(
      `The logo is ${Math.ceil(bytes.length / 1024)} KB: it may be at most ${maxLogoBytes / 1024} KB.`,
    );
  }
  const type = detectLogoType(bytes);
  if (!type)
    return refuse("The logo must be a PNG, JPEG, GIF or WebP image (SVG is not accepted).");
  return type;
}

const typeNames: Record<LogoType, string> = {
  "image/png": "PNG",
  "image/jpeg": "JPEG",
  "image/gif": "GIF",
  "image/webp": "WebP",
};

/** "PNG image, 2 KB", how the activity log describes a logo; "" for none. */
export function describeLogo(type: string, size: number): string {
  if (!type) return "";
  const name = typeNames[type as LogoType] ?? type;
  return `${name} image, ${size < 1024 ? `${size} bytes` : `${Math.ceil(size / 1024)} KB`}`;
}
