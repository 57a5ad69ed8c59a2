// The app keeps its React where the test can reach it after importing the built entry.
import * as React from 'react';

globalThis.hostReact = React;
