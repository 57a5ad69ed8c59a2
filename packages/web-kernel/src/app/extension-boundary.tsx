import { ErrorPanel } from '@atrium/ui';
import { Component, type ErrorInfo, type ReactNode } from 'react';

/** Props of {@link ExtensionBoundary}. */
export interface ExtensionBoundaryProps {
  /** The extension whose output is rendered inside. */
  id: string;
  children?: ReactNode;
}

interface ExtensionBoundaryState {
  failure: { error: unknown } | undefined;
}

/**
 * Catches a render error of one extension and shows a small panel naming it, with Retry,
 * so its siblings keep working. The kernel puts one around every rendered extension.
 *
 * @example
 * <ExtensionBoundary id="entity-card:catalog/about"><AboutCard /></ExtensionBoundary>
 */
export class ExtensionBoundary extends Component<ExtensionBoundaryProps, ExtensionBoundaryState> {
  override state: ExtensionBoundaryState = { failure: undefined };

  static getDerivedStateFromError(error: unknown): ExtensionBoundaryState {
    return { failure: { error } };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(
      `AtriumError [WEB_EXTENSION_RENDER_FAILED]: extension '${this.props.id}' failed to render; ` +
        'its panel shows the error. Fix the component or disable the extension in app.extensions.',
      error,
      info.componentStack,
    );
  }

  private readonly retry = () => this.setState({ failure: undefined });

  override render() {
    const { failure } = this.state;
    if (!failure) return this.props.children;
    return (
      <div data-extension-id={this.props.id}>
        <ErrorPanel
          title={`Extension '${this.props.id}' failed`}
          error={failure.error}
          onRetry={this.retry}
        />
      </div>
    );
  }
}
