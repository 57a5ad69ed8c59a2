import Add from '@mui/icons-material/Add';
import CenterFocusStrong from '@mui/icons-material/CenterFocusStrong';
import Remove from '@mui/icons-material/Remove';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';

/** Props of {@link ZoomControls}. */
export interface ZoomControlsProps {
  zoomIn(): void;
  zoomOut(): void;
  reset(): void;
}

/**
 * The zoom buttons floating in the graph's top right corner, for those who do not use
 * the wheel.
 *
 * @example
 * <ZoomControls zoomIn={panZoom.zoomIn} zoomOut={panZoom.zoomOut} reset={panZoom.reset} />
 */
export function ZoomControls({ zoomIn, zoomOut, reset }: ZoomControlsProps) {
  const buttons = [
    { label: 'Zoom in', onClick: zoomIn, icon: <Add fontSize="small" /> },
    { label: 'Zoom out', onClick: zoomOut, icon: <Remove fontSize="small" /> },
    { label: 'Fit to view', onClick: reset, icon: <CenterFocusStrong fontSize="small" /> },
  ];
  return (
    <Box
      sx={{
        position: 'absolute',
        top: 8,
        right: 8,
        display: 'flex',
        flexDirection: 'column',
        bgcolor: 'background.paper',
        borderRadius: 1,
        boxShadow: 1,
      }}
    >
      {buttons.map(({ label, onClick, icon }) => (
        <Tooltip key={label} title={label} placement="left">
          <IconButton size="small" aria-label={label} onClick={onClick}>
            {icon}
          </IconButton>
        </Tooltip>
      ))}
    </Box>
  );
}
