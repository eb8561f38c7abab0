import QRCode from 'qrcode';

/** The invite link as a QR code PNG data URL (an <img> the CSP allows; no markup from a library). */
export function inviteQrDataUrl(link: string): Promise<string> {
  return QRCode.toDataURL(link, { errorCorrectionLevel: 'M', margin: 2, width: 440 });
}
