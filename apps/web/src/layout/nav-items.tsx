import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BookOutlined,
  BankOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  GlobalOutlined,
  HomeOutlined,
  KeyOutlined,
  SafetyCertificateOutlined,
  ProfileOutlined,
  SettingOutlined,
  TeamOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import type { Permissions } from '../auth/permissions';

export interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
}

/** The left menu: only what the user's abilities open. */
export function navItemsFor(permissions: Permissions): NavItem[] {
  // every home is a to-do list; the finance bureau's overview comes next
  const items: NavItem[] = [{ path: '/', label: '首页', icon: <HomeOutlined /> }];
  if (permissions.reviewReports) items.push({ path: '/dashboard', label: '县级概览', icon: <DashboardOutlined /> });
  // one address for the reports: the department's own, or the finance bureau's queue
  if (permissions.draftReports) items.push({ path: '/reports', label: '我的报告', icon: <FileTextOutlined /> });
  if (permissions.reviewReports) items.push({ path: '/reports', label: '待审报告', icon: <FileSearchOutlined /> });
  if (permissions.reviewReports) {
    items.push({ path: '/spot-checks', label: '抽评', icon: <SafetyCertificateOutlined /> });
  }
  if (permissions.readPublications) items.push({ path: '/publications', label: '公开登记', icon: <GlobalOutlined /> });
  if (permissions.manageTenants) items.push({ path: '/tenants', label: '县（区）管理', icon: <BankOutlined /> });
  if (permissions.manageDepartments) {
    items.push({ path: '/departments', label: '部门管理', icon: <ApartmentOutlined /> });
  } else if (permissions.browseDepartments) {
    items.push({ path: '/departments', label: '部门', icon: <ApartmentOutlined /> });
  }
  if (permissions.manageUsers) items.push({ path: '/users', label: '用户管理', icon: <TeamOutlined /> });
  if (permissions.readTemplates) items.push({ path: '/templates', label: '报告模板', icon: <ProfileOutlined /> });
  if (permissions.readIndicatorLibrary) {
    items.push({ path: '/indicator-library', label: '指标库', icon: <BookOutlined /> });
  }
  if (permissions.manageDelegations) {
    items.push({ path: '/delegations', label: '代理人', icon: <UserSwitchOutlined /> });
  }
  if (permissions.manageApiKeys) items.push({ path: '/api-keys', label: 'API 密钥', icon: <KeyOutlined /> });
  if (permissions.manageWebhooks) items.push({ path: '/webhooks', label: '推送地址', icon: <ApiOutlined /> });
  if (permissions.readAuditLog) items.push({ path: '/audit-log', label: '审计日志', icon: <AuditOutlined /> });
  if (permissions.manageSettings) items.push({ path: '/settings', label: '设置', icon: <SettingOutlined /> });
  return items;
}

/** The menu entry a location belongs to ("/users/…" → "/users"). */
export function activeNavPath(pathname: string, items: NavItem[]): string | undefined {
  return items
    .filter((item) =>
      item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(item.path + '/'),
    )
    .map((item) => item.path)[0];
}
