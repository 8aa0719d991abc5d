/** A status line; always rendered, so screen readers announce each change to it. */
export function Notice({ text }: { text: string }) {
  return (
    <p class={text ? 'notice' : 'notice empty'} role="status">
      {text}
    </p>
  );
}
