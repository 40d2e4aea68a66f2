/** A labelled progress bar; `label` names it for screen readers ("Progress of Website relaunch"). */
export function ProgressBar({ value, label, valueText }: { value: number; label: string; valueText: string }) {
  return (
    <div className="flex items-center gap-3">
      <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={value} aria-valuetext={valueText} className="h-2 min-w-0 flex-1 overflow-hidden rounded-full bg-border-strong/60">
        <div className="h-full rounded-full bg-primary" style={{ width: `${value}%` }} />
      </div>
      <span aria-hidden className="w-10 shrink-0 text-end text-13 font-medium tabular-nums">
        {valueText}
      </span>
    </div>
  );
}
