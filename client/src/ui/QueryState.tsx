import type { ReactNode } from "react";
import type { CombinedError } from "urql";
import { ErrorMessage } from "./ErrorMessage";
import { Loading } from "./Loading";

/**
 * The three states of a query in one place: loading (nothing yet), error (with retry), data. When
 * data is there and a refresh runs or fails, the data stays on screen with a quiet notice instead.
 */
export function QueryState({
  fetching,
  error,
  hasData,
  onRetry,
  children,
}: {
  fetching: boolean;
  error: CombinedError | undefined;
  hasData: boolean;
  onRetry?: () => void;
  children: ReactNode;
}) {
  if (!hasData && fetching) return <Loading />;
  if (!hasData && error) return <ErrorMessage error={error} {...(onRetry ? { onRetry } : {})} />;
  if (!hasData) return <Loading />;
  return (
    <>
      {error ? <ErrorMessage error={error} {...(onRetry ? { onRetry } : {})} /> : null}
      {children}
    </>
  );
}
