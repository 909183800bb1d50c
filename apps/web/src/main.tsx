import { StrictMode } from 'react';
import * as ReactDOM from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { App } from './app/app';
import { appTheme } from './app/theme';
import { Session } from './auth/session';
import { SessionProvider } from './auth/session-context';

dayjs.locale('zh-cn');

// one session per page: its access token lives only in this object's memory
const session = new Session();

// people who asked their system for less motion get none: no zooming dialogs, no sliding menus
const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

ReactDOM.createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={appTheme(reduceMotion)}>
      <AntApp>
        <SessionProvider session={session}>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
