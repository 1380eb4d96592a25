import { extname } from 'node:path';

/**
 * The kinds of evidence the archive accepts (音像视频摄录, photos, scans, office documents), by file extension. The
 * media type recorded and served is the one named here, never the one a browser claims, so nothing uploaded is
 * ever served as a page or a script.
 */
const TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.gif': 'image/gif', '.webp': 'image/webp',
  '.heic': 'image/heic', '.heif': 'image/heif', '.bmp': 'image/bmp', '.tif': 'image/tiff', '.tiff': 'image/tiff',
  '.mp3': 'audio/mpeg', '.m4a': 'audio/mp4', '.aac': 'audio/aac', '.wav': 'audio/wav', '.amr': 'audio/amr',
  '.ogg': 'audio/ogg', '.opus': 'audio/ogg', '.flac': 'audio/flac',
  '.mp4': 'video/mp4', '.m4v': 'video/mp4', '.mov': 'video/quicktime', '.3gp': 'video/3gpp', '.webm': 'video/webm',
  '.avi': 'video/x-msvideo', '.mkv': 'video/x-matroska',
  '.pdf': 'application/pdf', '.ofd': 'application/ofd',
  '.doc': 'application/msword', '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel', '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ppt': 'application/vnd.ms-powerpoint', '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.wps': 'application/vnd.ms-works', '.et': 'application/vnd.ms-excel', '.dps': 'application/vnd.ms-powerpoint',
  '.odt': 'application/vnd.oasis.opendocument.text', '.ods': 'application/vnd.oasis.opendocument.spreadsheet',
};

const SERVABLE = new Set(Object.values(TYPES));

/** The media type of an accepted evidence file, or undefined when its kind is not accepted. */
export function evidenceType(fileName: string): string | undefined {
  return TYPES[extname(fileName).toLowerCase()];
}

/** The type a stored file is served with: its own if it is one of the accepted kinds, otherwise plain bytes. */
export function servedType(mediaType: string): string {
  return SERVABLE.has(mediaType) ? mediaType : 'application/octet-stream';
}

export const ACCEPTED_EXTENSIONS = Object.keys(TYPES).join(',');
