import {
  AppShell,
  Box,
  Burger,
  Button,
  Divider,
  Group,
  NavLink,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import {
  IconBuilding,
  IconChartPie,
  IconHome,
  IconHomePlus,
  IconKey,
  IconShieldLock,
  IconListSearch,
  IconLogout,
  IconRecycle,
  IconUsers,
} from '@tabler/icons-react';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import type { GlobalPermission } from '../../contracts/index.js';
import { useMe, useSession } from '../auth/session.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { chainNavItems } from './chain/nav.js';
import { signalsNavItems } from '../pages/signals/nav.js';
import { stagnationNavItems } from './stagnation/nav.js';
import { emergencyNavItems } from '../pages/emergency/nav.js';
import { NotificationBell } from '../pages/notifications/NotificationBell.js';
import classes from './Layout.module.css';

interface NavItem {
  to: string;
  label: string;
  icon: ReactNode;
  permission?: GlobalPermission;
  exact?: boolean;
}

export function Layout() {
  const { t } = useTranslation();
  const me = useMe();
  const { can, signOut } = useSession();
  const [opened, { toggle, close }] = useDisclosure(false);
  // On a phone the collapsed menu slides off-screen: keep it out of the tab order and the accessibility tree.
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const navHidden = !!isPhone && !opened;
  const location = useLocation();
  const navigate = useNavigate();

  useEffect(() => close(), [location.pathname, close]);

  const main: NavItem[] = [
    { to: '/', label: t('nav.households'), icon: <IconHome size={18} aria-hidden />, exact: true },
    {
      to: '/households/new',
      label: t('nav.register'),
      icon: <IconHomePlus size={18} aria-hidden />,
      permission: 'household.register',
    },
    {
      to: '/audit',
      label: t('nav.audit'),
      icon: <IconListSearch size={18} aria-hidden />,
      permission: 'audit.read',
    },
    ...chainNavItems(me.user.roles, t),
    ...signalsNavItems(me.user.roles, t),
    ...stagnationNavItems(me.user.roles, t),
    ...emergencyNavItems(t),
    {
      to: '/cijfers',
      label: t('insights.nav'),
      icon: <IconChartPie size={18} aria-hidden />,
      permission: 'insights.read',
    },
  ];
  const admin: NavItem[] = [
    {
      to: '/admin/organisations',
      label: t('nav.organisations'),
      icon: <IconBuilding size={18} aria-hidden />,
      permission: 'organisation.manage',
    },
    {
      to: '/admin/users',
      label: t('nav.users'),
      icon: <IconUsers size={18} aria-hidden />,
      permission: 'user.manage',
    },
    {
      to: '/admin/removed',
      label: t('nav.removed'),
      icon: <IconRecycle size={18} aria-hidden />,
      permission: 'record.restore',
    },
  ];
  const visible = (items: NavItem[]) => items.filter((i) => !i.permission || can(i.permission));
  const isActive = (item: NavItem) =>
    item.exact
      ? location.pathname === item.to || (item.to === '/' && /^\/households\/(?!new)/.test(location.pathname))
      : location.pathname.startsWith(item.to);

  const renderItems = (items: NavItem[]) =>
    visible(items).map((item) => (
      <NavLink
        key={item.to}
        component={Link}
        to={item.to}
        label={item.label}
        leftSection={item.icon}
        active={isActive(item)}
        aria-current={isActive(item) ? 'page' : undefined}
        variant="filled"
      />
    ));

  const adminItems = visible(admin);

  const handleLogout = async () => {
    await signOut();
    void navigate('/login', { replace: true });
  };

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <a href="#main" className={classes.skipLink}>
        {t('nav.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <UnstyledButton component={Link} to="/" className={classes.brand} aria-label={t('app.homeLink')}>
              <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
                <rect width="32" height="32" rx="7" fill="#1a5aa3" />
                <path
                  d="M9 12a4 4 0 0 1 4-4h6a4 4 0 0 1 0 8h-2M23 20a4 4 0 0 1-4 4h-6a4 4 0 0 1 0-8h2"
                  stroke="white"
                  strokeWidth="2.5"
                  fill="none"
                  strokeLinecap="round"
                />
              </svg>
              <Text component="span" fw={700} fz="xl">
                {t('app.name')}
              </Text>
            </UnstyledButton>
          </Group>
          <Group gap="md" wrap="nowrap">
            <NotificationBell />
            <Group gap="md" wrap="nowrap" visibleFrom="sm">
              <Box ta="right">
                <Text size="sm" fw={600} lh={1.2}>
                  {me.user.name}
                </Text>
                <Text size="xs" c="dimmed" lh={1.2}>
                  {me.user.organisation.name}
                </Text>
              </Box>
              <LanguageSwitch />
              <Button
                variant="default"
                size="xs"
                leftSection={<IconLogout size={16} aria-hidden />}
                onClick={handleLogout}
              >
                {t('nav.logout')}
              </Button>
            </Group>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" id="main-navigation" aria-label={t('nav.label')} inert={navHidden}>
        <AppShell.Section hiddenFrom="sm" mb="sm">
          <Text size="sm" fw={600}>
            {me.user.name}
          </Text>
          <Text size="xs" c="dimmed">
            {me.user.organisation.name}
          </Text>
          <Group mt="sm" gap="sm">
            <LanguageSwitch />
            <Button
              variant="default"
              size="xs"
              leftSection={<IconLogout size={16} aria-hidden />}
              onClick={handleLogout}
            >
              {t('nav.logout')}
            </Button>
          </Group>
          <Divider mt="sm" />
        </AppShell.Section>
        <AppShell.Section grow>
          <Stack gap={4}>{renderItems(main)}</Stack>
          {adminItems.length > 0 && (
            <>
              <Text
                size="xs"
                fw={700}
                tt="uppercase"
                c="dimmed"
                mt="lg"
                mb={4}
                px="sm"
                id="nav-admin-heading"
              >
                {t('nav.admin')}
              </Text>
              <Stack gap={4} role="group" aria-labelledby="nav-admin-heading">
                {renderItems(admin)}
              </Stack>
            </>
          )}
        </AppShell.Section>
        <AppShell.Section>
          <Divider mb="sm" />
          <NavLink
            component={Link}
            to="/account/password"
            label={t('nav.password')}
            leftSection={<IconKey size={18} aria-hidden />}
            active={location.pathname === '/account/password'}
            aria-current={location.pathname === '/account/password' ? 'page' : undefined}
            variant="filled"
          />
          <NavLink
            component={Link}
            to="/account/security"
            label={t('security.nav')}
            leftSection={<IconShieldLock size={18} aria-hidden />}
            active={location.pathname === '/account/security'}
            aria-current={location.pathname === '/account/security' ? 'page' : undefined}
            variant="filled"
          />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
