"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

type WhenVisibleProps = {
  /** Reserved height, so the page does not jump when the chart arrives. */
  minHeight: number;
  /** Shown until the chart is scrolled near (and, without JavaScript, instead of it). */
  placeholder: ReactNode;
  children: ReactNode;
};

/**
 * Renders its children only once the box comes within a screen of the viewport: the chart's code
 * (recharts, loaded with next/dynamic inside the children) is fetched then, not with the page.
 */
export function WhenVisible({ minHeight, placeholder, children }: WhenVisibleProps) {
  const box = useRef<HTMLDivElement>(null);
  const [isVisible, setIsVisible] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element || isVisible) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setIsVisible(true);
          observer.disconnect();
        }
      },
      { rootMargin: "100% 0px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [isVisible]);
  return (
    <div ref={box} style={{ minHeight }}>
      {isVisible ? children : placeholder}
    </div>
  );
}
