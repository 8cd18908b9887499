import { useEffect, useRef } from 'react';
import { Button, Space, Typography } from 'antd';
import { useI18n } from '../app/i18n';

/** The customer's signature drawn on screen (tablet finger or mouse), as a PNG data URL —
 *  a controlled input for antd Form.Item. */
export function SignaturePad({ value, onChange }: { value?: string; onChange?: (v: string | undefined) => void }) {
  const { t } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);

  useEffect(() => {
    const c = canvas.current;
    const g = c?.getContext('2d');
    if (!c || !g) return;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, c.width, c.height);
    if (value) {
      const img = new Image();
      img.onload = () => g.drawImage(img, 0, 0);
      img.src = value;
    }
    // only on mount: later values come from this pad itself
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return [((e.clientX - r.left) * e.currentTarget.width) / r.width, ((e.clientY - r.top) * e.currentTarget.height) / r.height] as const;
  };
  const down = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const g = e.currentTarget.getContext('2d');
    if (!g) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = true;
    g.lineWidth = 2.5;
    g.lineCap = 'round';
    g.strokeStyle = '#111';
    g.beginPath();
    g.moveTo(...point(e));
  };
  const move = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const g = e.currentTarget.getContext('2d');
    g?.lineTo(...point(e));
    g?.stroke();
  };
  const up = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    drawing.current = false;
    onChange?.(e.currentTarget.toDataURL('image/png'));
  };
  const clear = () => {
    const c = canvas.current;
    const g = c?.getContext('2d');
    if (!c || !g) return;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, c.width, c.height);
    onChange?.(undefined);
  };

  return (
    <Space orientation="vertical" size={4} style={{ width: '100%', maxWidth: 480 }}>
      <canvas
        ref={canvas}
        width={480}
        height={160}
        data-testid="signature-pad"
        style={{ border: '1px dashed #999', borderRadius: 6, touchAction: 'none', width: '100%', height: 'auto', cursor: 'crosshair' }}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerLeave={up}
      />
      <Space>
        <Typography.Text type="secondary">{t('signature.hint')}</Typography.Text>
        <Button onClick={clear}>{t('signature.clear')}</Button>
      </Space>
    </Space>
  );
}
