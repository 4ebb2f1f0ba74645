/**
 * Tables that become small cards on a narrow screen (class "stack-narrow", style.css): the
 * heading row here, and on each cell `role="cell"` and `data-label` (its column's heading, shown
 * above the value on a phone). The explicit roles keep the table a table for screen readers in
 * browsers that drop its semantics when the CSS display changes.
 */
export function ColumnHeadings({ headings }: { headings: readonly string[] }) {
  return (
    <thead role="rowgroup">
      <tr role="row">
        {headings.map((heading) => (
          <th scope="col" role="columnheader" key={heading}>
            {heading}
          </th>
        ))}
      </tr>
    </thead>
  );
}
