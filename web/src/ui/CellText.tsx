// A table cell's text (an email, a web address, a long name) on one line, cut with an ellipsis
// when it is too long for the column; the tooltip shows all of it.
export function CellText({ text }: { text: string }) {
  return (
    <span className="cell-text" title={text}>
      {text}
    </span>
  );
}
