import { AppError } from '../../core/http/errors.ts';
import type { FileKind } from './file-types.ts';

/** Images larger than this many pixels are refused rather than decoded (decompression bombs). */
const maxPixels = 40_000_000;

/**
 * Decodes and re-encodes a raster image so nothing but pixels survives: EXIF, XMP, IPTC, ICC
 * profiles, comments and PNG text chunks are all dropped (sharp keeps no metadata unless asked).
 * JPEG orientation is applied to the pixels first. Throws 415 naming the file when it cannot be decoded.
 */
export async function reencodeImage(bytes: Buffer, name: string, kind: FileKind): Promise<Buffer> {
  try {
    const animated = kind.key === 'gif' || kind.key === 'webp';
    // Loaded on first upload, not at start-up (sharp takes a tenth of a second to load; issue 6's cold start).
    const { default: sharp } = await import('sharp');
    let img = sharp(bytes, { animated, limitInputPixels: maxPixels, failOn: 'error' });
    if (kind.key === 'jpeg') img = img.rotate();
    switch (kind.key) {
      case 'png':
        return await img.png().toBuffer();
      case 'jpeg':
        return await img.jpeg({ quality: 90, mozjpeg: true }).toBuffer();
      case 'gif':
        return await img.gif().toBuffer();
      case 'webp':
        return await img.webp({ quality: 90 }).toBuffer();
      default:
        throw new Error(`not an image kind: ${kind.key}`);
    }
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0] : 'unreadable';
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', `${name}: could not be read as a ${kind.label} (${why})`, [{ field: 'file', message: `${name} could not be read as a ${kind.label}` }]);
  }
}
