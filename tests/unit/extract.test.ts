import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractBlocks, findArticleRoot, isSkippedElement, type TextBlock } from '../../src/page/extract';
import { pageMentionsDeepSeek, titleMentionsDeepSeek } from '../../src/page/mentions';
import { isDocumentOffLimits, isInsideEditable } from '../../src/page/skip-rules';
import { spansFor } from '../../src/page/text-spans';

const LONG = 'DeepSeek V4 is a mixture-of-experts model with a long context window. '.repeat(4);

function setBody(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

function texts(blocks: TextBlock[]): string[] {
  return blocks.map((block) => block.text);
}

/** Every slice must point at exactly its node's data inside block.text, in order and without gaps. */
function expectExactOffsets(block: TextBlock): void {
  let expectedStart = 0;
  for (const slice of block.nodes) {
    expect(slice.start).toBe(expectedStart);
    expect(block.text.slice(slice.start, slice.start + slice.node.data.length)).toBe(slice.node.data);
    expectedStart += slice.node.data.length;
  }
  expect(expectedStart).toBe(block.text.length);
}

afterEach(() => {
  document.body.innerHTML = '';
  document.title = '';
  for (const name of document.body.getAttributeNames()) document.body.removeAttribute(name);
});

describe('titleMentionsDeepSeek (at load, on every page)', () => {
  const page = (title: string, url: string) => ({ title, URL: url }) as Document;
  it.each([
    ['DeepSeek releases V4 | Tech', 'https://news.example/2026/04/release'],
    ['Tech news', 'https://news.example/2026/04/deepseek-v4-preview-released'],
    ['V4-Pro tops the table', 'https://news.example/a'],
    ['深度求索发布了新模型', 'https://news.example/a'],
  ])('is true for title %j at %j', (title, url) => {
    expect(titleMentionsDeepSeek(page(title, url))).toBe(true);
  });

  it.each([
    ['Technology | The Daily Ledger', 'https://news.example/2026/04/story'],
    ['IPv4 flash storage, explained', 'https://news.example/ipv4'],
    ['A deep-seated problem with seeking', 'https://news.example/seek'],
  ])('is false for title %j at %j (the whole text waits for a reader)', (title, url) => {
    expect(titleMentionsDeepSeek(page(title, url))).toBe(false);
  });
});

describe('pageMentionsDeepSeek', () => {
  it.each([
    ['DeepSeek releases V4', ''],
    ['', 'The lab DEEPSEEK said on Friday'],
    ['', 'Deep Seek, the Hangzhou lab, said'],
    ['', '深度求索发布了新模型'],
    ['', 'The V4-Pro model has 1.6T parameters'],
    ['', 'and the v4 flash variant is cheaper'],
    ['', 'V4 Pro tops the table'],
    ['', 'the V4Flash endpoint'],
  ])('is true for title %j / body %j', (title, body) => {
    document.title = title;
    setBody(`<p>${body}</p>`);
    expect(pageMentionsDeepSeek(document)).toBe(true);
  });

  it.each([
    'OpenAI ships a new model',
    'A deep-seated problem with seeking',
    'The v4 protocol is professional',
    'IPv4 flash storage',
    'We went deep. Seek help.',
  ])('is false for %j', (body) => {
    document.title = 'Tech news';
    setBody(`<p>${body}</p>`);
    expect(pageMentionsDeepSeek(document)).toBe(false);
  });
});

describe('findArticleRoot', () => {
  it('picks the article with most text, not one inside an aside', () => {
    setBody(`
      <header><nav><a href="/">Home</a></nav></header>
      <aside><article id="teaser">${LONG}${LONG}${LONG}</article></aside>
      <article id="small"><p>${LONG}</p></article>
      <article id="story"><h1>Headline</h1><p>${LONG}</p><p>${LONG}</p></article>`);
    expect(findArticleRoot(document).id).toBe('story');
  });

  it('prefers article over main, and main over a sidebar with more text', () => {
    setBody(`<main id="main"><article id="story"><p>${LONG}</p></article></main>`);
    expect(findArticleRoot(document).id).toBe('story');

    setBody(`
      <div class="sidebar-related"><p>${LONG}${LONG}${LONG}</p></div>
      <main id="main"><p>${LONG}</p></main>`);
    expect(findArticleRoot(document).id).toBe('main');
  });

  it('uses itemprop=articleBody and role=main', () => {
    setBody(
      `<div id="body" itemprop="articleBody"><p>${LONG}</p></div><div role="main" id="rm"><p>${LONG}</p></div>`,
    );
    expect(findArticleRoot(document).id).toBe('body');
    setBody(`<div role="main" id="rm"><p>${LONG}</p></div>`);
    expect(findArticleRoot(document).id).toBe('rm');
  });

  it('falls back to the element with most paragraph text, skipping excluded ones', () => {
    setBody(`
      <div id="comments"><p>${LONG}${LONG}${LONG}${LONG}</p></div>
      <div class="layout"><div id="content"><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p></div></div>
      <div id="promo"><p>${LONG}${LONG}</p></div>`);
    expect(findArticleRoot(document).id).toBe('content');
  });

  it('keeps a short article when nothing better exists, and falls back to body', () => {
    setBody('<article id="short"><p>DeepSeek V4 has 1.6T parameters.</p></article>');
    expect(findArticleRoot(document).id).toBe('short');
    setBody('Just text in the body');
    expect(findArticleRoot(document)).toBe(document.body);
  });

  it('passes over a teaser article or one post among many for the wider main', () => {
    setBody(`
      <main id="main">
        <article id="teaser"><p>Read also: a short teaser.</p></article>
        <p>${LONG}</p><p>${LONG}</p>
      </main>`);
    expect(findArticleRoot(document).id).toBe('main');

    setBody(`<main id="live">${`<article><p>${LONG}</p></article>`.repeat(5)}</main>`);
    expect(findArticleRoot(document).id).toBe('live');
  });

  it('is not fooled by taxonomy classes on the article itself', () => {
    setBody(`<article id="story" class="post category-social-media tag-ads"><p>${LONG}</p></article>`);
    expect(findArticleRoot(document).id).toBe('story');
    expect(extractBlocks(findArticleRoot(document))).toHaveLength(1);
  });
});

describe('extractBlocks: skip rules', () => {
  it('leaves out code, form controls, editable, hidden and boilerplate content', () => {
    const root = setBody(`
      <p>Kept one.</p>
      <textarea>typed text</textarea>
      <div contenteditable="true"><p>editor text</p></div>
      <div contenteditable=""><p>editor text 2</p></div>
      <div contenteditable="false"><p>Kept two.</p></div>
      <pre><code>deepseek.chat()</code></pre>
      <p>Inline <code>api()</code> code.</p>
      <p>Its model id is <code>deepseek-v4-pro</code> now.</p>
      <script>var deepseek = 1;</script>
      <style>p { color: red }</style>
      <noscript>enable js</noscript>
      <template><p>template text</p></template>
      <div hidden><p>hidden text</p></div>
      <div aria-hidden="true"><p>aria hidden</p></div>
      <div style="color: red; display: none"><p>display none</p></div>
      <div style="visibility:hidden"><p>invisible</p></div>
      <section id="comments"><p>a comment</p></section>
      <div class="cookie-banner"><p>We use cookies</p></div>
      <div class="gdpr_consent"><p>consent text</p></div>
      <div class="social-share"><p>share this</p></div>
      <div class="ad"><p>buy now</p></div>
      <div id="newsletter-signup"><p>subscribe</p></div>
      <nav><p>menu</p></nav>
      <form><p>form text</p><button>Go</button></form>
      <select><option>opt</option></select>
      <svg><text>svg text</text></svg>
      <div class="monaco-editor"><p>code editor</p></div>
      <div role="textbox"><p>text field</p></div>
      <p>Marked <claim-lens-mark>text</claim-lens-mark> stays.</p>
      <div role="navigation"><p>role nav</p></div>`);
    expect(texts(extractBlocks(root))).toEqual([
      'Kept one.',
      'Kept two.',
      'Inline  code.',
      'Its model id is deepseek-v4-pro now.',
      'Marked text stays.',
    ]);
  });

  it('skips the page banner header and footer but keeps an article header with the headline', () => {
    const root = setBody(`
      <header><p>Site name</p></header>
      <article>
        <header><h1>DeepSeek V4 launches</h1></header>
        <p>Body text.</p>
        <footer><p>Tags: AI</p></footer>
      </article>
      <footer><p>Copyright</p></footer>`);
    expect(texts(extractBlocks(root))).toEqual(['DeepSeek V4 launches', 'Body text.']);
  });

  it('never skips the root itself and honours options.skip', () => {
    setBody('<aside id="side"><p>Sidebar text</p><p class="x">Other</p></aside>');
    const aside = document.getElementById('side')!;
    expect(texts(extractBlocks(aside))).toEqual(['Sidebar text', 'Other']);
    expect(texts(extractBlocks(aside, { skip: (el) => el.classList.contains('x') }))).toEqual([
      'Sidebar text',
    ]);
  });

  it('decides per element from attributes only', () => {
    const make = (html: string) => {
      const holder = document.createElement('div');
      holder.innerHTML = html;
      return holder.firstElementChild!;
    };
    expect(isSkippedElement(make('<div class="related-posts"></div>'))).toBe(true);
    expect(isSkippedElement(make('<div class="relatedness"></div>'))).toBe(false);
    expect(isSkippedElement(make('<div class="shared-memory"></div>'))).toBe(false);
    expect(isSkippedElement(make('<div id="ads"></div>'))).toBe(true);
    expect(isSkippedElement(make('<div class="loading header"></div>'))).toBe(false);
    // Elements named like ours are the page's own: we never create elements, so they are page text.
    expect(isSkippedElement(make('<claim-lens-mark></claim-lens-mark>'))).toBe(false);
    expect(isSkippedElement(make('<claim-lens-card></claim-lens-card>'))).toBe(false);
    expect(isSkippedElement(make('<div class="ace_editor"></div>'))).toBe(true);
    expect(isSkippedElement(make('<span contenteditable="FALSE"></span>'))).toBe(false);
    expect(isSkippedElement(make('<span contenteditable="plaintext-only"></span>'))).toBe(true);
  });
});

describe('extractBlocks: blocks and offsets', () => {
  it('joins inline tags into one block with exact offsets and no whitespace collapsing', () => {
    const root = setBody(
      '<p>DeepSeek <b>V4</b> has <a href="#"><em>1.6T</em></a>  total\n parameters<sup>1</sup>, <x-unknown>49B</x-unknown> active.</p>',
    );
    const blocks = extractBlocks(root);
    expect(blocks).toHaveLength(1);
    const [block] = blocks as [TextBlock];
    expect(block.element.localName).toBe('p');
    expect(block.kind).toBe('paragraph');
    expect(block.text).toBe('DeepSeek V4 has 1.6T  total\n parameters1, 49B active.');
    expect(block.nodes.map((slice) => slice.node.data)).toEqual([
      'DeepSeek ',
      'V4',
      ' has ',
      '1.6T',
      '  total\n parameters',
      '1',
      ', ',
      '49B',
      ' active.',
    ]);
    expectExactOffsets(block);
    expect(block.breaks).toBeUndefined();
  });

  it('gives kinds, drops whitespace-only blocks and keeps document order', () => {
    const root = setBody(`
      <h2>Specs</h2>
      <ul>
        <li>First item</li>
        <li>Second item</li>
      </ul>
      <p>   </p>
      <blockquote><p>Quoted</p></blockquote>
      <figure><img src="x.png"><figcaption>Caption</figcaption></figure>
      <dl><dt>Term</dt><dd>Definition</dd></dl>
      <div>Loose div text</div>
      <section>Loose section text</section>`);
    const blocks = extractBlocks(root);
    expect(blocks.map((b) => [b.element.localName, b.kind, b.text])).toEqual([
      ['h2', 'heading', 'Specs'],
      ['li', 'list-item', 'First item'],
      ['li', 'list-item', 'Second item'],
      ['p', 'paragraph', 'Quoted'],
      ['figcaption', 'other', 'Caption'],
      ['dt', 'other', 'Term'],
      ['dd', 'other', 'Definition'],
      ['div', 'other', 'Loose div text'],
      ['section', 'other', 'Loose section text'],
    ]);
    for (const block of blocks) expectExactOffsets(block);
  });

  it('records <br> and nested blocks as breaks instead of inserting characters', () => {
    const root = setBody(
      '<p>Line one<br>Line two<br><br>Line three<br></p><ul><li>Outer start<ul><li>Inner</li></ul>outer end</li></ul>',
    );
    const [para, outer, inner] = extractBlocks(root) as [TextBlock, TextBlock, TextBlock];
    expect(para.text).toBe('Line oneLine twoLine three');
    expect(para.breaks).toEqual([8, 16]);
    expect(outer.text).toBe('Outer startouter end');
    expect(outer.breaks).toEqual([11]);
    expect(inner.text).toBe('Inner');
    expect(inner.breaks).toBeUndefined();
    for (const block of [para, outer, inner]) expectExactOffsets(block);
  });

  it('gives direct div text its own block beside nested paragraphs', () => {
    const root = setBody('<div id="d">Intro <b>bold</b><p>Para</p>Tail</div>');
    const blocks = extractBlocks(root);
    expect(blocks.map((b) => b.text)).toEqual(['Intro boldTail', 'Para']);
    expect(blocks[0]!.element.id).toBe('d');
    expect(blocks[0]!.breaks).toEqual([10]);
  });

  it('adds row and column headers to table cells', () => {
    const root = setBody(`
      <table>
        <thead><tr><th>Model</th><th>Total  params</th><th>Active</th></tr></thead>
        <tbody>
          <tr><th scope="row"> V4-Pro </th><td>1.6T</td><td>49B</td></tr>
          <tr><td>V4-Flash</td><td colspan="2">284B / 13B</td></tr>
        </tbody>
      </table>
      <table>
        <tr><td></td><td>Price in</td></tr>
        <tr><td>Flash</td><td>$0.14</td></tr>
      </table>`);
    const cells = extractBlocks(root).map((b) => [b.kind, b.text.trim(), b.rowHeader, b.columnHeader]);
    expect(cells).toEqual([
      ['table-cell', 'Model', undefined, undefined],
      ['table-cell', 'Total  params', undefined, undefined],
      ['table-cell', 'Active', undefined, undefined],
      ['table-cell', 'V4-Pro', undefined, 'Model'],
      ['table-cell', '1.6T', 'V4-Pro', 'Total params'],
      ['table-cell', '49B', 'V4-Pro', 'Active'],
      ['table-cell', 'V4-Flash', undefined, 'Model'],
      ['table-cell', '284B / 13B', 'V4-Flash', 'Total params'],
      ['table-cell', 'Price in', undefined, undefined],
      ['table-cell', 'Flash', undefined, undefined],
      ['table-cell', '$0.14', 'Flash', 'Price in'],
    ]);
  });

  it('reads a realistic article end to end', () => {
    setBody(`
      <header class="site"><nav><a href="/">News</a></nav></header>
      <main>
        <article>
          <header><h1>DeepSeek unveils V4</h1><p class="byline">By A. Writer</p></header>
          <div class="share-buttons"><button>Share</button><a href="#">Tweet</a></div>
          <p>DeepSeek said <a href="/v4">V4-Pro</a> has <strong>1.6 trillion</strong> parameters.</p>
          <aside class="related"><p>Related: other news</p></aside>
          <p>It supports a 1M-token context.</p>
        </article>
        <section class="comments"><p>First!</p></section>
      </main>
      <div class="cookie-consent"><p>Accept cookies</p></div>`);
    const root = findArticleRoot(document);
    expect(root.localName).toBe('article');
    expect(texts(extractBlocks(root))).toEqual([
      'DeepSeek unveils V4',
      'By A. Writer',
      'DeepSeek said V4-Pro has 1.6 trillion parameters.',
      'It supports a 1M-token context.',
    ]);
  });
});

describe('cost and integration', () => {
  it('never asks for layout or computed style', () => {
    const computed = vi.spyOn(window, 'getComputedStyle');
    const innerText = vi.spyOn(HTMLElement.prototype, 'innerText', 'get');
    setBody(`<article><p>DeepSeek ${LONG}</p><div style="display:none">x</div></article>`);
    expect(pageMentionsDeepSeek(document)).toBe(true);
    extractBlocks(findArticleRoot(document));
    expect(computed).not.toHaveBeenCalled();
    expect(innerText).not.toHaveBeenCalled();
    computed.mockRestore();
    innerText.mockRestore();
  });

  it('leaves invisible format characters out of the text, and maps offsets back to the exact nodes', () => {
    setBody('<article><p>Deep\u2060Seek <b>V\ufeff4</b> has 1.6\u00adT para\u200bmeters.</p></article>');
    const [block] = extractBlocks(findArticleRoot(document)) as [TextBlock];
    expect(block.text).toBe('DeepSeek V4 has 1.6T parameters.');
    const spans = spansFor(block, 0, block.text.length);
    expect(spans.map((s) => s.node.data.slice(s.from, s.to))).toEqual([
      'Deep\u2060Seek ',
      'V\ufeff4',
      ' has 1.6\u00adT para\u200bmeters.',
    ]);
    // "V4" alone: the span covers the node's own characters, joiner included.
    const v4 = block.text.indexOf('V4');
    expect(spansFor(block, v4, v4 + 2).map((s) => s.node.data.slice(s.from, s.to))).toEqual(['V\ufeff4']);
    const params = block.text.indexOf('parameters');
    const [last] = spansFor(block, params, params + 'parameters'.length);
    expect(last!.node.data.slice(last!.from, last!.to)).toBe('para\u200bmeters');
  });

  it('leaves whitespace-only pieces out of a sentence’s spans only when asked', () => {
    setBody('<article><p><a href="#">DeepSeek</a> <em>V4</em>\n<b>has 1.6T</b> parameters.</p></article>');
    const [block] = extractBlocks(findArticleRoot(document)) as [TextBlock];
    const all = spansFor(block, 0, block.text.length).map((s) => s.node.data.slice(s.from, s.to));
    expect(all).toEqual(['DeepSeek', ' ', 'V4', '\n', 'has 1.6T', ' parameters.']);
    const kept = spansFor(block, 0, block.text.length, { dropBlank: true });
    expect(kept.map((s) => s.node.data.slice(s.from, s.to))).toEqual([
      'DeepSeek',
      'V4',
      'has 1.6T',
      ' parameters.',
    ]);
  });

  it('reads open shadow roots where their host sits', () => {
    setBody('<article><p id="intro">Intro about DeepSeek.</p><div id="host"></div></article>');
    const host = document.getElementById('host')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>DeepSeek V4 has 1.6T parameters.</p>';
    const blocks = extractBlocks(findArticleRoot(document));
    expect(texts(blocks)).toEqual(['Intro about DeepSeek.', 'DeepSeek V4 has 1.6T parameters.']);
    expect(blocks[1]!.nodes[0]!.node.getRootNode()).toBe(host.shadowRoot);
  });

  it('knows where not to run: editable documents and regions, non-HTML documents', () => {
    setBody('<article><p>DeepSeek V4.</p></article>');
    expect(isDocumentOffLimits(document)).toBe(false);
    document.body.setAttribute('contenteditable', 'true');
    expect(isDocumentOffLimits(document)).toBe(true);
    document.body.removeAttribute('contenteditable');
    setBody('<div contenteditable="true"><article id="a"><p>x</p></article></div>');
    expect(isInsideEditable(document.getElementById('a')!)).toBe(true);
    setBody('<div contenteditable="true"><article id="a" contenteditable="false"><p>x</p></article></div>');
    expect(isInsideEditable(document.getElementById('a')!)).toBe(false);
    const svg = new DOMParser().parseFromString(
      '<svg xmlns="http://www.w3.org/2000/svg"><text>DeepSeek</text></svg>',
      'image/svg+xml',
    );
    expect(isDocumentOffLimits(svg as unknown as Document)).toBe(true);
  });
});
