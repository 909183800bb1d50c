import { CheckCircleFilled, ExclamationCircleOutlined } from '@ant-design/icons';
import { Card, List, Progress, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { HomeView } from '../../api/home-api';

/** The county administrator's checklist for a new county: each step, whether it is done, and its page. */
export function SetupChecklist({ setup }: { setup: NonNullable<HomeView['setup']> }) {
  const done = setup.steps.filter((s) => s.done).length;
  return (
    <Card
      title={`开通清单（${setup.fiscalYear}年度）`}
      extra={
        <Progress
          type="circle"
          size={36}
          percent={Math.round((done / setup.steps.length) * 100)}
          format={() => `${done}/${setup.steps.length}`}
          aria-label="已完成的步骤"
        />
      }
    >
      <List
        dataSource={setup.steps}
        rowKey="key"
        renderItem={(step) => (
          <List.Item
            data-step={step.key}
            data-done={step.done}
            actions={[
              <Link key="go" to={step.link}>
                {step.done ? '查看' : '去设置'}
              </Link>,
            ]}
          >
            <List.Item.Meta
              avatar={
                step.done ? (
                  <CheckCircleFilled style={{ color: '#52c41a' }} aria-label="已完成" />
                ) : (
                  <ExclamationCircleOutlined style={{ color: '#faad14' }} aria-label="未完成" />
                )
              }
              title={step.title}
              description={<Typography.Text type="secondary">{step.detail}</Typography.Text>}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
