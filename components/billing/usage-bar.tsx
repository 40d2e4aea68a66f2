/** Minutes used against the plan's included minutes: amber from 80 %, red from 100 %. */
export function UsageBar({ percent, label, valueText }: { percent: number; label: string; valueText: string }) {
  const color = percent >= 100 ? "bg-danger" : percent >= 80 ? "bg-warning" : "bg-primary";
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.min(percent, 100)}
      aria-valuetext={valueText}
      className="h-2.5 w-full overflow-hidden rounded-full bg-border-strong/60"
    >
      <div className={`h-full rounded-full ${color}`} style={{ width: `${Math.min(percent, 100)}%` }} />
    </div>
  );
}
