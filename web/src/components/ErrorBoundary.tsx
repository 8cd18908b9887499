import { Component, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import { translate } from '../app/i18n';

/** A crash in one page shows a message instead of a blank screen. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  componentDidCatch(error: Error) {
    console.error(error);
  }
  render() {
    if (this.state.error) {
      return (
        <Result
          status="error"
          title={translate('error.pageCrashed')}
          subTitle={this.state.error.message}
          extra={<Button onClick={() => window.location.reload()}>{translate('common.refresh')}</Button>}
        />
      );
    }
    return this.props.children;
  }
}
