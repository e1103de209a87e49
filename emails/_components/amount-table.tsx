import { styles } from "./layout";

export type AmountRow = {
  label: string;
  /** Already formatted ("$72.00", "Visa •••• 4242"): the template does no arithmetic. */
  value: string;
  /** The row a reader looks for first (the total, the amount paid). */
  strong?: boolean;
};

const cell = { ...styles.paragraph, margin: 0, padding: "6px 0", verticalAlign: "top" as const };
const line = "1px solid #e5e7eb";

/**
 * Labels on the left, values right-aligned: an invoice's lines and totals, a receipt's facts.
 * data-text-format makes the plain-text part a two-column table too, not a line per cell.
 */
export function AmountTable({ rows }: { rows: AmountRow[] }) {
  return (
    <table
      data-text-format="dataTable"
      role="presentation"
      cellPadding={0}
      cellSpacing={0}
      width="100%"
      style={{ borderCollapse: "collapse", margin: "0 0 16px" }}
    >
      <tbody>
        {rows.map((row, index) => {
          const style = {
            ...cell,
            fontWeight: row.strong ? 600 : 400,
            borderTop: index === 0 ? "none" : line,
          };
          return (
            // Two rows may share a label (two lines alike); the list never reorders.
            <tr key={index}>
              <td style={{ ...style, paddingRight: "16px" }}>{row.label}</td>
              <td align="right" style={{ ...style, whiteSpace: "nowrap" }}>
                {row.value}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
