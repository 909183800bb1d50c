import { useCallback } from 'react';
import { Flex, Spin } from 'antd';
import { getSettings } from '../../api/settings-api';
import { useSession } from '../../auth/session-context';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { useRemote } from '../../hooks/use-remote';
import { DeadlinesCard } from './deadlines-card';
import { EvidenceLimitsCard } from './evidence-limits-card';
import { FourEyesCard } from './four-eyes-card';
import { GradeBandsCard } from './grade-bands-card';
import { InflationThresholdsCard } from './inflation-thresholds-card';
import { SignOffCard } from './sign-off-card';

/** 设置 of the county administrator: deadlines, the sign-off rule, the four-eyes rules, grade bands, the score-inflation thresholds, the 佐证材料 limits. */
export function SettingsPage() {
  const session = useSession();
  const settings = useRemote(useCallback((signal: AbortSignal) => getSettings(session, signal), [session]));
  return (
    <Flex vertical gap={16} style={{ maxWidth: 960 }}>
      <PageHeader
        title="设置"
        description="本县（区）绩效自评的填报截止日期、提交流程、审核分工（四眼原则）、评价等级划分、虚高预警阈值和佐证材料上限。"
      />
      <DeadlinesCard />
      {settings.error !== undefined && <LoadError error={settings.error} onRetry={settings.reload} />}
      {settings.data ? (
        <>
          <SignOffCard settings={settings.data} onSaved={settings.setData} />
          <FourEyesCard settings={settings.data} onSaved={settings.setData} />
          <GradeBandsCard settings={settings.data} onSaved={settings.setData} />
          <InflationThresholdsCard settings={settings.data} onSaved={settings.setData} />
          <EvidenceLimitsCard settings={settings.data} onSaved={settings.setData} />
        </>
      ) : (
        settings.loading && <Spin />
      )}
    </Flex>
  );
}
