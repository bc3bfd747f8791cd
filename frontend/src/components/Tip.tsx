import { useProps, type TooltipProps } from '@mantine/core';
import { useMergedRef } from '@mantine/hooks';
import { cloneElement, useEffect, useId, useState, type FocusEvent, type KeyboardEvent, type PointerEvent, type ComponentType, type ReactElement, type Ref } from 'react';
import { part, WithPart } from './part';

interface ChildProps {
  ref?: Ref<HTMLElement>;
  onPointerEnter?: (e: PointerEvent<HTMLElement>) => void;
  onPointerLeave?: (e: PointerEvent<HTMLElement>) => void;
  onFocus?: (e: FocusEvent<HTMLElement>) => void;
  onBlur?: (e: FocusEvent<HTMLElement>) => void;
  onKeyDown?: (e: KeyboardEvent<HTMLElement>) => void;
  'aria-describedby'?: string;
}

// Mantine's Tooltip (and its floating positioning) loads once the window is
// idle after the first screen, or with the first tip shown if that is sooner.
const tooltip = part(() => import('./TipTooltip').then((m) => m.default as ComponentType<TooltipProps>));

export type TipProps = Omit<TooltipProps, 'children' | 'target' | 'opened' | 'defaultOpened' | 'events'> & {
  children: ReactElement<ChildProps>;
};

/**
 * A Mantine Tooltip that is mounted the first time its element is hovered or
 * focused. A mounted Tooltip costs a portal and a floating-position setup per
 * instance; lists and toolbars have many and show none of them at first, and
 * a start loads none of its code.
 * Shows after the theme's open delay on hover, at once on keyboard focus
 * (as Mantine's does), hides on leave, blur and Escape.
 */
export function Tip({ children, label, ...props }: TipProps) {
  const { openDelay, closeDelay, ...rest } = useProps('Tooltip', { openDelay: 0, closeDelay: 0 }, props);
  const [target, setTarget] = useState<HTMLElement | null>(null);
  const id = useId();
  const [mounted, setMounted] = useState(false);
  const [opened, setOpened] = useState(false);
  // A delayed open or close; a newer one (or an immediate one) replaces it.
  const [pending, setPending] = useState<{ open: boolean; delay: number } | null>(null);
  useEffect(() => {
    if (!pending) return;
    const t = setTimeout(() => setOpened(pending.open), pending.delay);
    return () => clearTimeout(t);
  }, [pending]);

  const set = (open: boolean, delay: number) => {
    if (open) setMounted(true);
    if (delay > 0) setPending({ open, delay });
    else {
      setPending(null);
      setOpened(open);
    }
  };
  const show = (delay: number) => set(true, delay);
  const hide = (delay: number) => set(false, delay);

  const own = children.props;
  const ref = useMergedRef(setTarget, own.ref);
  const child = cloneElement(children, {
    ref,
    onPointerEnter: (e: PointerEvent<HTMLElement>) => {
      own.onPointerEnter?.(e);
      if (e.pointerType !== 'touch') show(openDelay ?? 0);
    },
    onPointerLeave: (e: PointerEvent<HTMLElement>) => {
      own.onPointerLeave?.(e);
      hide(closeDelay ?? 0);
    },
    onFocus: (e: FocusEvent<HTMLElement>) => {
      own.onFocus?.(e);
      // Like Mantine's: keyboard focus only, not the focus a click gives.
      if (e.currentTarget.matches(':focus-visible')) show(0);
    },
    onBlur: (e: FocusEvent<HTMLElement>) => {
      own.onBlur?.(e);
      hide(0);
    },
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => {
      own.onKeyDown?.(e);
      if (e.key === 'Escape') hide(0);
    },
    'aria-describedby': opened ? id : own['aria-describedby'],
  });

  return (
    <>
      {child}
      {/* The label's own element carries the id: the tooltip's floating props set its box's. */}
      {mounted && (
        <WithPart part={tooltip} when>
          {(Tooltip) => <Tooltip {...rest} label={<span id={id}>{label}</span>} target={target ?? undefined} opened={opened} />}
        </WithPart>
      )}
    </>
  );
}
