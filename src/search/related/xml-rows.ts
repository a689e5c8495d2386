import { createReadStream } from 'node:fs';
import { SaxesParser, type SaxesTagPlain } from 'saxes';

/** Events of a streamed XML file: each opening tag with its attributes, each closing tag, and text. */
export interface XmlHandlers {
  open?: (name: string, attrs: Record<string, string>) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
}

/**
 * Streams an XML file through saxes (memory does not grow with the file). Rejects with an error
 * naming the file and line when the XML is malformed or the file cannot be read.
 */
export async function streamXml(file: string, h: XmlHandlers): Promise<void> {
  const parser = new SaxesParser();
  let failure: Error | null = null;
  parser.on('error', (e) => {
    failure ??= new Error(`${file}: ${e.message}`);
  });
  if (h.open) {
    const open = h.open;
    parser.on('opentag', (tag: SaxesTagPlain) => open(tag.name, tag.attributes as Record<string, string>));
  }
  if (h.close) {
    const close = h.close;
    parser.on('closetag', (tag) => close(tag.name));
  }
  if (h.text) parser.on('text', h.text);
  for await (const chunk of createReadStream(file, { encoding: 'utf8' })) {
    parser.write((chunk as string).replace(/^\uFEFF/, ''));
    if (failure) throw failure;
  }
  parser.close();
  if (failure) throw failure;
}
