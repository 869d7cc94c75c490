import { useEffect } from "react";

/** Sets the document title so screen-reader users and tabs know where they are. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – MACA Board`;
  }, [title]);
}
