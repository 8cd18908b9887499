import { Alert } from 'antd';
import type { ErrorDetail } from '../app/api';

/** Server validation details that no form field could show. */
export function ServerErrorAlert({ details }: { details: ErrorDetail[] }) {
  if (details.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={
        <ul style={{ margin: 0, paddingLeft: 16 }}>
          {details.map((d, i) => (
            <li key={i}>{d.path ? `${d.path}: ${d.message}` : d.message}</li>
          ))}
        </ul>
      }
    />
  );
}
