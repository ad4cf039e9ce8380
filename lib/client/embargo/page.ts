// The embargoed preview page's script (src/embargo.njk), loaded as a file,
// never inline, so the site can forbid inline scripts. It opens the sealed
// release with the key in the link's fragment, shows it, and turns the
// sealed media-kit files it names into blob: URLs. Without a key, or with
// one that does not open it, it shows the page's own localized message.
import { fromBase64, importKey, keyFromFragment, openSealed, srcsetEntries } from "./open.ts";

const root = document.querySelector<HTMLElement>("[data-embargo-sealed]");
const status = document.querySelector<HTMLElement>(".embargo-status");

function say(message: string | undefined): void {
  if (!status) return;
  status.textContent = message ?? "";
  status.hidden = !message;
}

async function openFile(key: CryptoKey, name: string, type: string): Promise<string> {
  const response = await fetch(new URL(name, document.baseURI));
  if (!response.ok) throw new Error(`${name}: ${response.status}`);
  const plain = await openSealed(crypto.subtle, key, new Uint8Array(await response.arrayBuffer()));
  return URL.createObjectURL(new Blob([plain], { type }));
}

/** Each media-kit file the release names, fetched, opened and given a blob: URL. */
async function openMedia(container: HTMLElement, key: CryptoKey): Promise<void> {
  const jobs: Promise<void>[] = [];
  for (const link of container.querySelectorAll<HTMLAnchorElement>("a[data-embargo-href]")) {
    const { embargoHref = "", embargoType = "" } = link.dataset;
    jobs.push(
      openFile(key, embargoHref, embargoType).then((url) => {
        link.href = url;
      }),
    );
  }
  for (const element of container.querySelectorAll<HTMLElement>("[data-embargo-srcset]")) {
    const type = element.getAttribute("type") ?? element.dataset.embargoType ?? "";
    const entries = srcsetEntries(element.dataset.embargoSrcset ?? "");
    jobs.push(
      Promise.all(
        entries.map((e) => openFile(key, e.file, type).then((url) => `${url} ${e.descriptor}`)),
      ).then((srcset) => element.setAttribute("srcset", srcset.join(", "))),
    );
  }
  for (const image of container.querySelectorAll<HTMLImageElement>("img[data-embargo-src]")) {
    const { embargoSrc = "", embargoType = "" } = image.dataset;
    jobs.push(
      openFile(key, embargoSrc, embargoType).then((url) => {
        image.src = url;
      }),
    );
  }
  await Promise.all(jobs);
}

async function open(): Promise<void> {
  if (!root) return;
  const raw = keyFromFragment(location.hash);
  if (!raw) {
    say(root.dataset.missingKey);
    return;
  }
  const key = await importKey(crypto.subtle, raw);
  let plain: ArrayBuffer;
  try {
    plain = await openSealed(
      crypto.subtle,
      key,
      fromBase64(root.dataset.embargoSealed ?? "") ?? new Uint8Array(),
    );
  } catch {
    say(root.dataset.wrongKey);
    return;
  }
  // The plaintext is the release as this project rendered and sanitized it
  // (src/embargo.njk); it is authenticated, so only the holder of the secret could have written it.
  root.innerHTML = new TextDecoder().decode(plain);
  // The release's own title is the heading now.
  document.querySelector(".embargo-heading")?.remove();
  say(undefined);
  const title = root.querySelector("h1")?.textContent;
  if (title) document.title = `${title} · ${root.dataset.siteName ?? ""}`;
  try {
    await openMedia(root, key);
  } catch {
    say(root.dataset.mediaFailed);
  }
}

void open();
