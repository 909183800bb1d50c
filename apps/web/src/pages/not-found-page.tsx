import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';

function Refusal({ status, title, subTitle }: { status: '403' | '404'; title: string; subTitle: string }) {
  return (
    <Result
      status={status}
      title={title}
      subTitle={subTitle}
      extra={
        <Link to="/">
          <Button type="primary">返回首页</Button>
        </Link>
      }
    />
  );
}

export function NotFoundPage() {
  return <Refusal status="404" title="页面不存在" subTitle="您访问的地址不存在，可能已被移除或输入有误。" />;
}

/** A page the user's roles do not open (reached by typing its address). */
export function ForbiddenPage() {
  return (
    <Refusal
      status="403"
      title="无权访问"
      subTitle="您的角色没有访问此页面的权限。如需开通，请联系本县（区）管理员。"
    />
  );
}
