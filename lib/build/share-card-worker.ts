// A worker thread of the share-card pool (share-cards.ts): draws the cards
// it is sent, one at a time, and answers with the PNG or the error.
import { parentPort } from "node:worker_threads";
import type { ShareCardText } from "../view/share-card.ts";
import { CardFonts } from "./card-fonts.ts";
import { renderShareCard } from "./share-card-render.ts";

const port = parentPort;
if (!port) throw new Error("share-card-worker.ts runs as a worker thread of share-cards.ts");
const fonts = new CardFonts();
port.on("message", async (message: { id: number; text: ShareCardText }) => {
  try {
    const png = await renderShareCard(message.text, fonts);
    port.postMessage({ id: message.id, png });
  } catch (error) {
    port.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
