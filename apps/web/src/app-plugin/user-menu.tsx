import { identityApiRef, useApi } from '@atrium/web-kernel';
import Avatar from '@mui/material/Avatar';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useState, useSyncExternalStore } from 'react';
import { useNavigate } from 'react-router';

/**
 * Shows who is signed in, with Settings and Sign out.
 *
 * @example
 * <UserMenu />
 */
export function UserMenu() {
  const identityApi = useApi(identityApiRef);
  const state = useSyncExternalStore(identityApi.subscribe, identityApi.getState);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const navigate = useNavigate();
  if (state.status !== 'signed-in') return null;
  const { profile, identity } = state.session;
  const name = profile.displayName ?? identity.userEntityRef;
  return (
    <>
      <Button
        color="inherit"
        onClick={(event) => setAnchor(event.currentTarget)}
        startIcon={
          <Avatar src={profile.picture} alt="" aria-hidden sx={{ width: 28, height: 28, fontSize: 14 }}>
            {name.slice(0, 1).toUpperCase()}
          </Avatar>
        }
        aria-haspopup="menu"
      >
        {name}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <ListItemText sx={{ px: 2, py: 1 }} primary={name} secondary={identity.userEntityRef} />
        <Divider />
        <MenuItem
          onClick={() => {
            setAnchor(null);
            void navigate('/settings');
          }}
        >
          Settings
        </MenuItem>
        <MenuItem
          onClick={() => {
            setAnchor(null);
            void identityApi.signOut();
          }}
        >
          Sign out
        </MenuItem>
      </Menu>
    </>
  );
}
