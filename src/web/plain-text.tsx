/**
 * Text people wrote (reviews, answers, comments), shown as they wrote it: paragraphs at empty
 * lines, line breaks kept, everything escaped by the renderer, and no link made clickable.
 */
export function PlainText({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n{2,}/).map((paragraph, i) => (
        <p key={i} class="plain-text">
          {paragraph.split('\n').map((line, j) => (
            <>
              {j > 0 && <br />}
              {line}
            </>
          ))}
        </p>
      ))}
    </>
  );
}
