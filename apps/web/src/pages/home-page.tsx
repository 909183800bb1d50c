import { Card, Descriptions, Flex, Skeleton, Space, Tag, Typography } from 'antd';
import { DEPARTMENT_KIND_LABELS, ROLE_LABELS } from '@evalflow/domain';
import { useCallback } from 'react';
import { Link } from 'react-router-dom';
import { getHome } from '../api/home-api';
import { listRectifications } from '../api/spot-checks-api';
import { LoadError } from '../components/load-error';
import { useRemote } from '../hooks/use-remote';
import { OverdueList } from './spot-checks/overdue-list';
import { permissionsOf } from '../auth/permissions';
import { useSession, useSignedIn } from '../auth/session-context';
import { DepartmentTodo } from './home/department-todo';
import { ReviewTodo } from './home/review-todo';
import { SetupChecklist } from './home/setup-checklist';

/** The first page after signing in: what is the user's to do (by role), who and where the user is, where to go next. */
export function HomePage() {
  const { me, ability } = useSignedIn();
  const can = permissionsOf(ability, me);
  return <SignedInHome can={can} />;
}

/** The caller's to-do lists from GET /api/home: a department's drafts, the bureau's queue, the administrator's checklist. */
function HomeTodo() {
  const session = useSession();
  const load = useCallback((signal: AbortSignal) => getHome(session, signal), [session]);
  const home = useRemote(load);
  if (home.error !== undefined) return <LoadError error={home.error} onRetry={home.reload} />;
  if (!home.data) return <Skeleton active aria-busy="true" />;
  const { drafts, review, setup } = home.data;
  return (
    <>
      {setup && <SetupChecklist setup={setup} />}
      {drafts && <DepartmentTodo drafts={drafts} />}
      {review && <ReviewTodo api={session} review={review} />}
    </>
  );
}

/** A department's 整改事项 past due, on its home page (the finance bureau sees the county's on the 抽评 page). */
function OverdueRectifications() {
  const session = useSession();
  const load = useCallback((signal: AbortSignal) => listRectifications(session, { overdue: true }, signal), [session]);
  return <OverdueList items={useRemote(load).data} />;
}

function SignedInHome({ can }: { can: ReturnType<typeof permissionsOf> }) {
  const { me } = useSignedIn();
  const nextSteps: Array<{ to: string; text: string }> = [];
  if (can.draftReports) nextSteps.push({ to: '/reports', text: '查看本部门的自评报告、检查结果和财政局的审核意见' });
  if (can.reviewReports) nextSteps.push({ to: '/dashboard', text: '查看县级概览：各部门的进度、得分和预警' });
  if (can.manageSettings) nextSteps.push({ to: '/settings', text: '设置填报截止日期、提交流程和评价等级划分' });
  if (can.notifications) nextSteps.push({ to: '/notifications', text: '查看消息通知' });
  if (can.manageTenants) nextSteps.push({ to: '/tenants', text: '开通县（区），并为其创建县级管理员' });
  if (can.manageDepartments) nextSteps.push({ to: '/departments', text: '维护本县（区）的预算部门（单位）与财政局' });
  if (can.browseDepartments) nextSteps.push({ to: '/departments', text: '查看本县（区）各预算部门（单位）' });
  if (can.manageUsers) nextSteps.push({ to: '/users', text: '为各部门开通账号、分配角色' });
  if (can.readAuditLog) nextSteps.push({ to: '/audit-log', text: '查看登录、管理操作与越权尝试的记录' });
  nextSteps.push({ to: '/account/password', text: '修改本人登录密码' });

  return (
    <Flex vertical gap={16} style={{ maxWidth: 960 }}>
      {me.tenant && <HomeTodo />}
      {can.draftReports && <OverdueRectifications />}
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          您好，{me.user.displayName}
        </Typography.Title>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          size="small"
          items={[
            { key: 'username', label: '用户名', children: me.user.username },
            {
              key: 'roles',
              label: '角色',
              children: (
                <Space size={4} wrap>
                  {me.user.roles.map((role) => (
                    <Tag key={role} color="red">
                      {ROLE_LABELS[role] ?? role}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            {
              key: 'tenant',
              label: '所在县（区）',
              children: me.tenant
                ? `${me.tenant.name}（行政区划代码 ${me.tenant.regionCode}）`
                : '平台（不属于任何县区）',
            },
            {
              key: 'department',
              label: '所在部门',
              children: me.department
                ? `${me.department.name}（${DEPARTMENT_KIND_LABELS[me.department.kind] ?? me.department.kind}）`
                : '—',
            },
          ]}
        />
      </Card>
      <Card title="您可以">
        <ul style={{ margin: 0, paddingInlineStart: 20, lineHeight: 2 }}>
          {nextSteps.map((step) => (
            <li key={step.text}>
              <Link to={step.to}>{step.text}</Link>
            </li>
          ))}
        </ul>
      </Card>
    </Flex>
  );
}
